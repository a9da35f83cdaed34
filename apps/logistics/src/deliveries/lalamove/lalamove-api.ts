/** Lalamove API v3 shapes we use (https://developers.lalamove.com): every id is a string. */
export interface LalamoveCoordinates {
  lat: string;
  lng: string;
}

export interface LalamovePod {
  status?: string;
  image?: string;
  signature?: string;
  deliveredAt?: string;
}

export interface LalamoveStop {
  stopId?: string;
  coordinates: LalamoveCoordinates;
  address: string;
  name?: string;
  phone?: string;
  remarks?: string;
  POD?: LalamovePod;
}

export interface LalamoveItem {
  quantity?: string;
  weight?: string;
  categories?: string[];
  handlingInstructions?: string[];
}

export interface LalamovePriceBreakdown {
  total: string;
  currency: string;
  [part: string]: unknown;
}

export interface LalamoveDistance {
  value: string;
  unit: string;
}

export interface LalamoveQuotationRequest {
  serviceType: string;
  language: string;
  stops: { coordinates: LalamoveCoordinates; address: string }[];
  scheduleAt?: string;
  specialRequests?: string[];
  isRouteOptimized?: boolean;
  item?: LalamoveItem;
}

export interface LalamoveQuotation {
  quotationId: string;
  scheduleAt?: string;
  expiresAt: string;
  serviceType: string;
  specialRequests?: string[];
  stops: LalamoveStop[];
  priceBreakdown: LalamovePriceBreakdown;
  distance: LalamoveDistance;
  item?: LalamoveItem;
}

export interface LalamoveOrderRequest {
  quotationId: string;
  sender: { stopId: string; name: string; phone: string };
  recipients: { stopId: string; name: string; phone: string; remarks?: string }[];
  isPODEnabled: boolean;
  metadata?: Record<string, string>;
}

export interface LalamoveOrder {
  orderId: string;
  quotationId: string;
  priceBreakdown: LalamovePriceBreakdown;
  driverId?: string;
  shareLink: string;
  status: string;
  distance: LalamoveDistance;
  stops: LalamoveStop[];
  metadata?: Record<string, string>;
}

export interface LalamoveDriver {
  driverId: string;
  name?: string;
  phone?: string;
  plateNumber?: string;
  photo?: string;
  coordinates?: { lat: string; lng: string; updatedAt?: string };
}

/** Lalamove refused a request (4xx): its error id (ERR_...) and message, for the caller to map. */
export class LalamoveRefusal extends Error {
  constructor(
    readonly status: number,
    readonly errorId: string,
    readonly detail: string,
  ) {
    super(`Lalamove refused (${status} ${errorId}): ${detail}`);
    this.name = 'LalamoveRefusal';
  }
}

/** The calls the deliveries feature makes; LalamoveHttpClient speaks them over HTTP, tests may use a fake server. */
export interface LalamoveApi {
  createQuotation(request: LalamoveQuotationRequest): Promise<LalamoveQuotation>;
  placeOrder(request: LalamoveOrderRequest): Promise<LalamoveOrder>;
  getOrder(orderId: string): Promise<LalamoveOrder>;
  cancelOrder(orderId: string): Promise<void>;
  getDriver(orderId: string, driverId: string): Promise<LalamoveDriver>;
}

export const LALAMOVE_API = Symbol('LalamoveApi');
