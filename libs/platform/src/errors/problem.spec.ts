import { NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { AppError, conflict, toErrorPayload } from './app-error';
import { httpErrorToPayload } from './http-error';
import { statusFor, toProblem } from './problem';

describe('error model', () => {
  it('maps every kind to its HTTP status, and honours an explicit status', () => {
    const expected = {
      invalid: 400,
      unauthorized: 401,
      forbidden: 403,
      not_found: 404,
      conflict: 409,
      internal: 500,
      unavailable: 503,
    } as const;
    for (const [kind, status] of Object.entries(expected)) {
      expect(statusFor({ kind: kind as keyof typeof expected, code: 'X.Y', message: 'm' })).toBe(status);
    }
    expect(statusFor(new AppError('invalid', 'ORDERS.REFUND_TOO_LARGE', 'too much', undefined, 422).toPayload())).toBe(422);
  });

  it('renders RFC 9457 problem details with code, field errors and extensions', () => {
    const error = new AppError('invalid', 'CATALOG.BAD_PRICE', 'Invalid input: price.', {
      errors: [{ field: 'price', messages: ['price must not be negative'] }],
      sku: 'A1',
    });
    const problem = toProblem(error.toPayload(), { instance: '/api/v1/products', requestId: 'r-1' });
    expect(problem).toEqual({
      type: 'https://docs.suite.local/problems/catalog-bad-price',
      title: 'Bad Request',
      status: 400,
      detail: 'Invalid input: price.',
      code: 'CATALOG.BAD_PRICE',
      sku: 'A1',
      errors: [{ field: 'price', messages: ['price must not be negative'] }],
      instance: '/api/v1/products',
      requestId: 'r-1',
    });
  });

  it('keeps the standard members when a detail has the same name', () => {
    const problem = toProblem(
      conflict('ANALYTICS.NOT_CANCELLABLE', 'It already ended.', { status: 'COMPLETED', code: 'x', title: 't' }).toPayload(),
    );
    expect(problem).toMatchObject({ status: 409, code: 'ANALYTICS.NOT_CANCELLABLE', title: 'Conflict' });
  });

  it('never lets an unexpected error message or stack out', () => {
    const payload = toErrorPayload(new Error('relation "user" does not exist at /srv/app.js:10'));
    expect(payload).toEqual({ code: 'PLATFORM.INTERNAL', kind: 'internal', message: 'An unexpected error occurred.' });
    expect(JSON.stringify(payload)).not.toMatch(/relation|app\.js/);
  });

  it('round-trips an AppError through its NATS payload', () => {
    const original = conflict('ORDERS.OUT_OF_STOCK', 'Out of stock: SKU-1', { sku: 'SKU-1' });
    const copy = AppError.fromPayload(JSON.parse(JSON.stringify(original.toPayload())));
    expect(copy).toBeInstanceOf(AppError);
    expect(copy.toPayload()).toEqual(original.toPayload());
  });

  it('maps HTTP-edge errors: unknown route, oversized body, malformed JSON', () => {
    expect(httpErrorToPayload(new NotFoundException('Cannot GET /x'))).toMatchObject({
      kind: 'not_found',
      code: 'PLATFORM.ROUTE_NOT_FOUND',
    });
    const tooLarge = httpErrorToPayload(new PayloadTooLargeException());
    expect(tooLarge).toMatchObject({ code: 'PLATFORM.PAYLOAD_TOO_LARGE', status: 413 });
    expect(statusFor(tooLarge)).toBe(413);
    const fastifyTooLarge = Object.assign(new Error('Request body is too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
    expect(statusFor(httpErrorToPayload(fastifyTooLarge))).toBe(413);
    const badJson = Object.assign(new SyntaxError('Unexpected token b in JSON'), {
      statusCode: 400,
      code: 'FST_ERR_CTP_INVALID_JSON_BODY',
    });
    expect(httpErrorToPayload(badJson)).toMatchObject({ kind: 'invalid', code: 'PLATFORM.MALFORMED_BODY' });
  });
});
