import { FactoryEventPayload, FactoryLocationView, FactoryUserView, FactoryView } from '@suite/contracts/fulfillment';
import { Prisma } from '@suite/db/fulfillment';

export type Factory = Prisma.FactoryModel;
export type FactoryLocation = Prisma.FactoryLocationModel;
type FactoryUser = Prisma.FactoryUserModel;

/** The one way a factory leaves the service: the encrypted credentials are reduced to a flag. */
export const toFactoryView = (f: Factory): FactoryView => ({
  id: f.id,
  name: f.name,
  code: f.code,
  supplierType: f.supplierType,
  capabilities: f.capabilities,
  printMethods: f.printMethods,
  capacity: f.capacity,
  qualityRating: f.qualityRating === null ? null : f.qualityRating.toFixed(2),
  certifications: f.certifications,
  isPrimary: f.isPrimary,
  isActive: f.isActive,
  contactEmail: f.contactEmail,
  integration: f.integration as FactoryView['integration'],
  hasCredentials: f.credentials !== null,
  createdAt: f.createdAt.toISOString(),
  updatedAt: f.updatedAt.toISOString(),
});

export const factoryEventPayload = (f: Factory): FactoryEventPayload => ({
  id: f.id,
  code: f.code,
  isActive: f.isActive,
  supplierType: f.supplierType,
  capacity: f.capacity,
  printMethods: f.printMethods,
});

export const toLocationView = (l: FactoryLocation): FactoryLocationView => ({
  id: l.id,
  factoryId: l.factoryId,
  locationType: l.locationType,
  name: l.name,
  address1: l.address1,
  address2: l.address2,
  city: l.city,
  province: l.province,
  postalCode: l.postalCode,
  country: l.country,
  capabilities: l.capabilities,
  capacity: l.capacity,
  shippingZones: l.shippingZones,
  isDefault: l.isDefault,
  isActive: l.isActive,
  createdAt: l.createdAt.toISOString(),
  updatedAt: l.updatedAt.toISOString(),
});

export const toFactoryUserView = (u: FactoryUser): FactoryUserView => ({
  factoryId: u.factoryId,
  userId: u.userId,
  createdAt: u.createdAt.toISOString(),
});
