import { Injectable } from '@nestjs/common';
import { AppError, conflict, unavailable } from '@suite/platform';
import { FulfillmentConfig } from '../../config';
import { fromPrintfulStatus } from '../supplier-order-status';
import { AdapterFactory, SubmittableOrder, SupplierAdapter, SupplierCredentials, SupplierOrderLine } from './supplier-adapter';

/** Printful knows its catalog variants by number; anything else is our code for a variant synced to it. */
const printfulItem = (line: SupplierOrderLine) => ({
  ...(/^\d+$/.test(line.supplierVariantCode)
    ? { variant_id: Number(line.supplierVariantCode) }
    : { external_variant_id: line.supplierVariantCode }),
  ...(line.supplierSku ? { sku: line.supplierSku } : {}),
  quantity: line.quantity,
  retail_price: line.unitPrice,
});

/**
 * Printful's order API: POST /orders?confirm=true (Authorization: Bearer <the factory's API key>) with the
 * recipient and items; it answers `{ code, result: { id, status, ... } }`. Our orderNumber goes as
 * external_id, so its webhooks can name the order either way.
 */
@Injectable()
export class PrintfulAdapter implements SupplierAdapter {
  readonly integration = 'PRINTFUL';

  constructor(private readonly config: FulfillmentConfig) {}

  async submit(order: SubmittableOrder, factory: AdapterFactory, credentials: SupplierCredentials) {
    if (!credentials.apiKey) throw conflict('FULFILLMENT.FACTORY_CREDENTIALS_MISSING', `Factory ${factory.code} has no Printful API key.`);
    if (!order.recipient)
      throw conflict(
        'FULFILLMENT.SUPPLIER_ORDER_NO_RECIPIENT',
        'The order has no fulfillment address and the factory no default location.',
      );
    const r = order.recipient;
    const payload = {
      external_id: order.orderNumber,
      recipient: {
        name: r.name,
        address1: r.address1,
        ...(r.address2 ? { address2: r.address2 } : {}),
        city: r.city,
        ...(r.stateCode ? { state_code: r.stateCode } : {}),
        country_code: r.countryCode,
        ...(r.zip ? { zip: r.zip } : {}),
        ...(r.email ? { email: r.email } : {}),
        ...(r.phone ? { phone: r.phone } : {}),
      },
      items: order.items.map(printfulItem),
    };
    const url = new URL('orders', this.config.PRINTFUL_API_URL.replace(/\/?$/, '/'));
    url.searchParams.set('confirm', 'true');
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${credentials.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(10000),
      });
    } catch (error) {
      throw unavailable('FULFILLMENT.SUPPLIER_UNAVAILABLE', `Printful did not answer: ${(error as Error).message}`);
    }
    const body: any = await response.json().catch(() => ({}));
    if (!response.ok || body?.result?.id === undefined) {
      // Printful's error.message / result says what it refused; the key never appears in it
      const detail = body?.error?.message || (typeof body?.result === 'string' ? body.result : `HTTP ${response.status}`);
      throw new AppError('unavailable', 'FULFILLMENT.SUPPLIER_REJECTED', `Printful refused the order: ${detail}`, undefined, 502);
    }
    return { externalId: String(body.result.id), status: fromPrintfulStatus(body.result.status) ?? ('SUBMITTED' as const) };
  }
}
