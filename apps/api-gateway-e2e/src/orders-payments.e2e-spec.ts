import { randomInt, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { PaymongoFake } from './fakes/paymongo-fake';
import { Account, identityClient, ROOT } from './identity-client';
import { json, Stack, startStack } from './stack';

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Payments through the gateway against a fake PayMongo: intent, signed webhooks, refunds, and the ledger after every step. */
describe('orders payments, webhooks and refunds through the gateway', () => {
  let stack: Stack;
  let orders: Client;
  let buyer: Account;
  let other: Account;
  let finance: Account;
  let orderId: string;
  let intentId: string;
  const fake = new PaymongoFake();
  const { call, account } = identityClient(() => stack);

  /** A PENDING, unpaid web order of `userId`, written as rows (checkout is another feature). */
  const insertOrder = async (userId: string, total: string, method: string | null = null): Promise<string> => {
    const code = Array.from({ length: 9 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
    const id = randomUUID();
    await orders.query(
      `INSERT INTO orders (id, order_code, order_number, user_id, channel, status, payment_status, payment_method, subtotal, total, currency, shipping_address, billing_address, placed_at, updated_at)
       VALUES ($1, $2, $3, $4, 'WEB', 'PENDING', 'PENDING', $6::"PaymentMethod", $5, $5, 'PHP', '{}', '{}', now(), now())`,
      [id, code, `ORD-2026-${String(randomInt(1e6)).padStart(6, '0')}`, userId, total, method],
    );
    await orders.query(
      `INSERT INTO order_status_history (id, order_id, from_status, to_status, reason) VALUES (gen_random_uuid(), $1, NULL, 'PENDING', 'test order')`,
      [id],
    );
    return id;
  };
  const webhook = (rawBody: string, signature?: string) =>
    fetch(`${stack.base}/api/v1/payments/webhooks/paymongo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature ? { 'paymongo-signature': signature } : {}) },
      body: rawBody,
    });
  const row = async (sql: string, params: unknown[]) => (await orders.query(sql, params)).rows[0];
  const state = () =>
    row(
      `SELECT o.status, o.payment_status AS "orderPayment", p.status AS payment, p.refunded_amount::text AS refunded,
      (SELECT count(*)::int FROM transactions t WHERE t.order_id = o.id) AS transactions, (SELECT count(*)::int FROM order_status_history h WHERE h.order_id = o.id) AS history
      FROM orders o LEFT JOIN payments p ON p.order_id = o.id WHERE o.id = $1`,
      [orderId],
    );
  /** The ledger invariant: sum(PAYMENT) - sum(|REFUND|) equals paid - refunded on the order's payments. */
  const expectLedgerBalanced = async (expected: string) => {
    const { ledger, recorded } = await row(
      `SELECT
        (SELECT coalesce(sum(CASE WHEN type = 'PAYMENT' THEN amount ELSE -abs(amount) END), 0) FROM transactions WHERE order_id = $1 AND type IN ('PAYMENT', 'REFUND') AND status = 'COMPLETED')::numeric(12,2)::text AS ledger,
        (SELECT coalesce(sum(amount - refunded_amount), 0) FROM payments WHERE order_id = $1 AND status IN ('PAID', 'PARTIALLY_REFUNDED', 'REFUNDED'))::numeric(12,2)::text AS recorded`,
      [orderId],
    );
    expect([ledger, recorded]).toEqual([expected, expected]);
  };
  const refund = (amount: string, token = finance.token) =>
    call('POST', `/orders/${orderId}/refunds`, { token, body: { amount, reason: 'customer request' } });

  beforeAll(async () => {
    const base = await fake.start();
    stack = await startStack(['identity', 'catalog', 'orders'], {
      SEED_ADMIN_EMAIL: ROOT.email,
      SEED_ADMIN_PASSWORD: ROOT.password,
      PAYMONGO_BASE_URL: base,
      PAYMONGO_SECRET_KEY: fake.secretKey,
      PAYMONGO_WEBHOOK_SECRET: fake.webhookSecret,
    });
    orders = await stack.db('orders');
    [buyer, other, finance] = [await account(['USER'], 'buyer'), await account(['USER'], 'other'), await account(['FINANCE'], 'finance')];
    orderId = await insertOrder(buyer.id, '1234.50');
  });

  afterAll(async () => {
    await stack?.stop();
    await fake.stop();
  });

  it("refuses another user's order as 404, creating nothing", async () => {
    const response = await call('POST', `/orders/${orderId}/payments`, { token: other.token, body: { method: 'GCASH' } });
    expect(response.status).toBe(404);
    expect(fake.intents()).toHaveLength(0);
    expect((await row('SELECT count(*)::int AS n FROM payments WHERE order_id = $1', [orderId])).n).toBe(0);
  });

  it('creates a PENDING payment and a PayMongo intent in centavos', async () => {
    const response = await call('POST', `/orders/${orderId}/payments`, { token: buyer.token, body: { method: 'GCASH' } });
    expect(response.status).toBe(201);
    const { paymentId, checkoutUrl } = await json(response);
    const [sent] = fake.intents();
    expect(sent.body.data.attributes).toMatchObject({ amount: 123450, currency: 'PHP', payment_method_allowed: ['gcash'] });
    expect(sent.authorization).toBe(`Basic ${Buffer.from(`${fake.secretKey}:`).toString('base64')}`);
    const payment = await row('SELECT status, provider, method, amount::text, provider_payment_id FROM payments WHERE id = $1', [
      paymentId,
    ]);
    intentId = payment.provider_payment_id;
    expect(payment).toMatchObject({ status: 'PENDING', provider: 'paymongo', method: 'GCASH', amount: '1234.50' });
    expect(checkoutUrl).toBe(`https://pm.link/fake/${intentId}`);
    await expectLedgerBalanced('0.00');
  });

  it('rejects a tampered or missing signature with 401, changing nothing', async () => {
    const body = fake.event('payment.paid', intentId, 123450);
    const tampered = await webhook(body.replace('123450', '1'), fake.sign(body));
    const unsigned = await webhook(body);
    const wrongSecret = await webhook(body, fake.sign(body, { secret: 'whsk_wrong' }));
    expect([tampered.status, unsigned.status, wrongSecret.status]).toEqual([401, 401, 401]);
    expect(await state()).toMatchObject({ status: 'PENDING', orderPayment: 'PENDING', payment: 'PENDING', transactions: 0, history: 1 });
  });

  it('a signed paid webhook makes the payment PAID, the order CONFIRMED, with a PAYMENT row and a paid event; again changes nothing', async () => {
    const transactionId = 'pay_e2e_paid_1';
    const body = fake.event('payment.paid', intentId, 123450, transactionId);
    const first = await webhook(body, fake.sign(body));
    expect([first.status, await json(first)]).toEqual([200, { received: true, applied: true }]);
    expect(await state()).toMatchObject({ status: 'CONFIRMED', orderPayment: 'PAID', payment: 'PAID', transactions: 1, history: 2 });
    expect(await row('SELECT type, amount::text, reference FROM transactions WHERE order_id = $1', [orderId])).toEqual({
      type: 'PAYMENT',
      amount: '1234.50',
      reference: transactionId,
    });
    expect(await row('SELECT transaction_id, processed_at IS NOT NULL AS processed FROM payments WHERE order_id = $1', [orderId])).toEqual({
      transaction_id: transactionId,
      processed: true,
    });
    expect(
      await row(`SELECT from_status, to_status FROM order_status_history WHERE order_id = $1 ORDER BY created_at DESC LIMIT 1`, [orderId]),
    ).toEqual({ from_status: 'PENDING', to_status: 'CONFIRMED' });
    const events = await orders.query(
      `SELECT payload FROM outbox_event WHERE subject = 'evt.orders.order.paid' AND payload->>'orderId' = $1`,
      [orderId],
    );
    expect(events.rows.map((r) => r.payload)).toEqual([expect.objectContaining({ status: 'CONFIRMED', amount: '1234.50' })]);
    await expectLedgerBalanced('1234.50');

    const again = await webhook(body, fake.sign(body));
    expect([again.status, await json(again)]).toEqual([200, { received: true, applied: false }]);
    expect(await state()).toMatchObject({ status: 'CONFIRMED', payment: 'PAID', transactions: 1, history: 2 });
    expect(
      (
        await row(`SELECT count(*)::int AS n FROM outbox_event WHERE subject = 'evt.orders.order.paid' AND payload->>'orderId' = $1`, [
          orderId,
        ])
      ).n,
    ).toBe(1);
    await expectLedgerBalanced('1234.50');
  });

  it('refunds partly, then the rest, then refuses more than remains with 422; the ledger balances after each', async () => {
    expect((await refund('100.00', buyer.token)).status).toBe(403);
    const partial = await refund('234.50');
    expect(partial.status).toBe(201);
    expect(await json(partial)).toMatchObject({
      amount: '234.50',
      refundedAmount: '234.50',
      paymentStatus: 'PARTIALLY_REFUNDED',
      providerRefundId: expect.stringMatching(/^ref_/),
    });
    expect(await state()).toMatchObject({
      status: 'CONFIRMED',
      orderPayment: 'PARTIALLY_REFUNDED',
      payment: 'PARTIALLY_REFUNDED',
      refunded: '234.50',
      transactions: 2,
    });
    const sent = fake.requests.filter((r) => r.path === '/v1/refunds').map((r) => r.body.data.attributes);
    expect(sent).toEqual([expect.objectContaining({ amount: 23450, payment_id: 'pay_e2e_paid_1' })]);
    await expectLedgerBalanced('1000.00');

    const over = await refund('1000.01');
    expect(over.status).toBe(422);
    expect(await json(over)).toMatchObject({ code: 'ORDERS.REFUND_EXCEEDS_PAID' });
    expect(await state()).toMatchObject({ refunded: '234.50', transactions: 2 });
    await expectLedgerBalanced('1000.00');

    const rest = await refund('1000.00');
    expect([rest.status, (await json(rest)).paymentStatus]).toEqual([201, 'REFUNDED']);
    expect(await state()).toMatchObject({
      status: 'REFUNDED',
      orderPayment: 'REFUNDED',
      payment: 'REFUNDED',
      refunded: '1234.50',
      transactions: 3,
      history: 3,
    });
    expect(
      (
        await orders.query(`SELECT amount::text FROM transactions WHERE order_id = $1 AND type = 'REFUND' ORDER BY created_at`, [orderId])
      ).rows.map((r) => r.amount),
    ).toEqual(['-234.50', '-1000.00']);
    expect(
      (
        await row(`SELECT count(*)::int AS n FROM outbox_event WHERE subject = 'evt.orders.order.refunded' AND payload->>'orderId' = $1`, [
          orderId,
        ])
      ).n,
    ).toBe(2);
    await expectLedgerBalanced('0.00');

    const more = await refund('0.01');
    expect(more.status).toBe(409);
  });

  it('a failed payment leaves the order PENDING', async () => {
    const second = await insertOrder(buyer.id, '50.00');
    const created = await call('POST', `/orders/${second}/payments`, { token: buyer.token, body: { method: 'MAYA' } });
    expect(created.status).toBe(201);
    const { provider_payment_id: intent } = await row('SELECT provider_payment_id FROM payments WHERE order_id = $1', [second]);
    const body = fake.event('payment.failed', intent, 5000);
    expect((await webhook(body, fake.sign(body))).status).toBe(200);
    expect(
      await row(
        'SELECT o.status, o.payment_status, p.status AS payment, p.failed_at IS NOT NULL AS failed FROM orders o JOIN payments p ON p.order_id = o.id WHERE o.id = $1',
        [second],
      ),
    ).toEqual({ status: 'PENDING', payment_status: 'PENDING', payment: 'FAILED', failed: true });
  });

  it('confirms cash collected on a COD order once: PAID, CONFIRMED, a PAYMENT row; buyers may not, non-COD orders are 409', async () => {
    const cod = await insertOrder(buyer.id, '75.25', 'COD');
    expect((await call('POST', `/orders/${cod}/payments/cod`, { token: buyer.token })).status).toBe(403);
    const confirmed = await call('POST', `/orders/${cod}/payments/cod`, { token: finance.token });
    expect([confirmed.status, await json(confirmed)]).toEqual([201, expect.objectContaining({ amount: '75.25', paymentStatus: 'PAID' })]);
    expect(
      await row(
        `SELECT o.status, o.payment_status, p.provider, p.method, (SELECT sum(amount)::text FROM transactions t WHERE t.order_id = o.id AND t.type = 'PAYMENT') AS paid
      FROM orders o JOIN payments p ON p.order_id = o.id WHERE o.id = $1`,
        [cod],
      ),
    ).toEqual({ status: 'CONFIRMED', payment_status: 'PAID', provider: 'cod', method: 'COD', paid: '75.25' });
    const again = await call('POST', `/orders/${cod}/payments/cod`, { token: finance.token });
    expect([again.status, (await json(again)).code]).toEqual([409, 'ORDERS.ALREADY_PAID']);
    expect((await row('SELECT count(*)::int AS n FROM transactions WHERE order_id = $1', [cod])).n).toBe(1);
    const refundCod = await call('POST', `/orders/${cod}/refunds`, { token: finance.token, body: { amount: '1.00', reason: 'x' } });
    expect([refundCod.status, (await json(refundCod)).code]).toEqual([409, 'ORDERS.REFUND_NOT_SUPPORTED']);
    const online = await insertOrder(buyer.id, '10.00');
    expect((await call('POST', `/orders/${online}/payments/cod`, { token: finance.token })).status).toBe(409);
  });
});
