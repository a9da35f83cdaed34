import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Prisma } from '@suite/db/orders';
import { OrdersConfig } from '../config';
import { PaymongoProvider } from './paymongo.provider';

/** PayMongo's refunds resource as far as refunds go: POST /v1/refunds keeps metadata; GET lists a payment's refunds. */
function refundsApi() {
  const refunds: { id: string; attributes: Record<string, any> }[] = [];
  const calls: string[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      calls.push(`${req.method} ${req.url}`);
      const url = new URL(req.url ?? '/', 'http://x');
      res.setHeader('content-type', 'application/json');
      if (req.method === 'POST' && url.pathname === '/v1/refunds') {
        const refund = { id: `ref_${refunds.length + 1}`, attributes: { ...JSON.parse(raw).data.attributes, status: 'pending' } };
        refunds.push(refund);
        return res.end(JSON.stringify({ data: refund }));
      }
      if (req.method === 'GET' && url.pathname === '/v1/refunds') {
        const payment = url.searchParams.get('payment_id');
        return res.end(JSON.stringify({ data: refunds.filter((r) => r.attributes.payment_id === payment) }));
      }
      res.statusCode = 404;
      res.end(JSON.stringify({ errors: [{ detail: 'not found' }] }));
    });
  });
  return { server, refunds, calls };
}

describe('PayMongo refunds', () => {
  const api = refundsApi();
  let provider: PaymongoProvider;

  beforeAll(async () => {
    await new Promise<void>((resolve) => api.server.listen(0, '127.0.0.1', resolve));
    const config = Object.assign(new OrdersConfig(), {
      PAYMONGO_BASE_URL: `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`,
      PAYMONGO_SECRET_KEY: 'sk_test_x',
    });
    provider = new PaymongoProvider(config);
  });

  afterAll(() => new Promise<void>((resolve) => api.server.close(() => resolve())));

  it('refunds once per reference: a retry after a lost commit answers the refund already made', async () => {
    const first = await provider.refund({ transactionId: 'pay_1' }, new Prisma.Decimal('12.34'), 'return RMA-1', 'return:r1');
    const again = await provider.refund({ transactionId: 'pay_1' }, new Prisma.Decimal('12.34'), 'return RMA-1', 'return:r1');
    expect(again).toEqual(first);
    expect(api.refunds).toHaveLength(1);
    expect(api.refunds[0].attributes).toMatchObject({ amount: 1234, payment_id: 'pay_1', metadata: { reference: 'return:r1' } });
  });

  it('makes a new refund for another reference of the same payment, and for a call without a reference', async () => {
    const before = api.refunds.length;
    const other = await provider.refund({ transactionId: 'pay_1' }, new Prisma.Decimal('1.00'), 'return RMA-2', 'return:r2');
    await provider.refund({ transactionId: 'pay_1' }, new Prisma.Decimal('2.00'), 'asked by staff');
    await provider.refund({ transactionId: 'pay_1' }, new Prisma.Decimal('2.00'), 'asked by staff');
    expect(api.refunds.length - before).toBe(3);
    expect(other.providerRefundId).not.toBe(api.refunds[0].id);
    // Without a reference nothing is looked up first.
    expect(api.calls.slice(-2)).toEqual(['POST /v1/refunds', 'POST /v1/refunds']);
  });
});
