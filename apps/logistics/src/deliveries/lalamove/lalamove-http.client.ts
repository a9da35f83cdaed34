import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { unavailable } from '@suite/platform';
import {
  LalamoveApi,
  LalamoveDriver,
  LalamoveOrder,
  LalamoveOrderRequest,
  LalamoveQuotation,
  LalamoveQuotationRequest,
  LalamoveRefusal,
} from './lalamove-api';
import { LalamoveConfig } from './lalamove.config';
import { lalamoveAuthorization, parseKeepingIds } from './lalamove-signature';

/**
 * Lalamove API v3 over HTTP. Every request is signed (`Authorization: hmac <key>:<ms>:<hex>`), names
 * its `Market` and carries a fresh `Request-ID` nonce; bodies travel as `{ data: ... }`. A 4xx is a
 * LalamoveRefusal for the caller to map; no answer, 5xx, 429 or refused credentials are 503. The key and
 * secret never appear in an error or a log line.
 */
@Injectable()
export class LalamoveHttpClient implements LalamoveApi {
  constructor(private readonly config: LalamoveConfig) {}

  createQuotation(request: LalamoveQuotationRequest): Promise<LalamoveQuotation> {
    return this.call<LalamoveQuotation>('POST', '/v3/quotations', request);
  }

  placeOrder(request: LalamoveOrderRequest): Promise<LalamoveOrder> {
    return this.call<LalamoveOrder>('POST', '/v3/orders', request);
  }

  getOrder(orderId: string): Promise<LalamoveOrder> {
    return this.call<LalamoveOrder>('GET', `/v3/orders/${encodeURIComponent(orderId)}`);
  }

  async cancelOrder(orderId: string): Promise<void> {
    await this.call<void>('DELETE', `/v3/orders/${encodeURIComponent(orderId)}`);
  }

  getDriver(orderId: string, driverId: string): Promise<LalamoveDriver> {
    return this.call<LalamoveDriver>('GET', `/v3/orders/${encodeURIComponent(orderId)}/drivers/${encodeURIComponent(driverId)}`);
  }

  private async call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, data?: unknown): Promise<T> {
    const { LALAMOVE_API_KEY: key, LALAMOVE_API_SECRET: secret } = this.config;
    if (!key || !secret) throw unavailable('LOGISTICS.LALAMOVE_NOT_CONFIGURED', 'Lalamove deliveries are not configured here.');
    const url = new URL(path.replace(/^\//, ''), this.config.LALAMOVE_API_URL.replace(/\/?$/, '/'));
    const body = data === undefined ? '' : JSON.stringify({ data });
    const timestamp = Date.now().toString();
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          authorization: lalamoveAuthorization(key, secret, timestamp, method, url.pathname, body),
          market: this.config.LALAMOVE_MARKET,
          'request-id': randomUUID(),
          accept: 'application/json',
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body } : {}),
        signal: AbortSignal.timeout(this.config.LALAMOVE_TIMEOUT_MS),
      });
    } catch (error) {
      throw unavailable('LOGISTICS.LALAMOVE_UNAVAILABLE', `Lalamove did not answer: ${(error as Error).name}`);
    }
    const text = await response.text();
    let parsed: { data?: T; errors?: { id?: string; message?: string; detail?: string }[] } = {};
    try {
      parsed = text ? (parseKeepingIds(text) as typeof parsed) : {};
    } catch {
      parsed = {};
    }
    if (response.ok) return parsed.data as T;
    const first = parsed.errors?.[0];
    if (response.status === 401 || response.status === 429 || response.status >= 500)
      throw unavailable('LOGISTICS.LALAMOVE_UNAVAILABLE', `Lalamove answered HTTP ${response.status}${first?.id ? ` (${first.id})` : ''}.`);
    throw new LalamoveRefusal(response.status, first?.id ?? `HTTP_${response.status}`, first?.message ?? first?.detail ?? 'refused');
  }
}
