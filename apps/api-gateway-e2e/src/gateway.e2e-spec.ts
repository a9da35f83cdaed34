import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { NatsConnection } from '@nats-io/transport-node';
import { AnalyticsSubjects } from '@suite/contracts/analytics';
import { eventually, Running } from './processes';
import { json, Stack, startStack } from './stack';

const getJson = (url: string) => fetch(url).then(json);

describe('gateway -> NATS -> analytics -> PostgreSQL, end to end', () => {
  let stack: Stack;
  let base: string;
  let db: Client;
  let nc: NatsConnection;
  let analytics: Running;

  beforeAll(async () => {
    // catalog validates the products query of the unstorable-text case: a forwarded route is validated by its service.
    stack = await startStack(['analytics', 'catalog']);
    ({ base, nc } = stack);
    analytics = stack.services.analytics;
    db = await stack.db('analytics');
    await db.query(`INSERT INTO system_config (id, key, value, is_public, category, updated_at) VALUES
      (gen_random_uuid(), 'site.currency', '"PHP"', true, 'site', now()),
      (gen_random_uuid(), 'payments.secret_switch', '"on"', false, 'payments', now())`);
  });

  afterAll(() => stack?.stop());

  it('reports all nine processes in /health: gateway and analytics up, the ones not started down', async () => {
    const response = await fetch(`${base}/health`);
    const body = await json(response);
    expect(response.status).toBe(503); // only three of nine processes run here
    expect(body.status).toBe('degraded');
    expect(body.services.analytics).toMatchObject({ status: 'up', checks: { database: { status: 'up' }, nats: { status: 'up' } } });
    expect(body.services.identity).toMatchObject({ status: 'down' });
    expect(body.services['api-gateway']).toMatchObject({ status: 'up', checks: { nats: { status: 'up' } } });
    expect(Object.keys(body.services).sort()).toEqual([
      'alerting',
      'analytics',
      'api-gateway',
      'catalog',
      'fulfillment',
      'identity',
      'iot-telemetry',
      'logistics',
      'orders',
    ]);
  });

  it('reads rows from the service database through NATS, public ones only', async () => {
    const response = await fetch(`${base}/api/v1/system-config/public`);
    expect(response.status).toBe(200);
    const entries = await json(response);
    expect(entries).toEqual([{ key: 'site.currency', value: 'PHP', description: null, category: 'site' }]);
  });

  it('writes through NATS into the database, and the request id follows the call into the service log', async () => {
    const requestId = `e2e-${randomUUID()}`;
    const response = await fetch(`${base}/api/v1/analytics/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({ eventType: 'product.viewed', entityType: 'product', entityId: 'p-1', metadata: { source: 'e2e' } }),
    });
    expect(response.status).toBe(202);
    expect(response.headers.get('x-request-id')).toBe(requestId);
    const { id } = await json(response);
    const stored = await db.query('SELECT event_type, entity_id, metadata, user_id FROM analytics_event WHERE id = $1', [id]);
    expect(stored.rows).toEqual([{ event_type: 'product.viewed', entity_id: 'p-1', metadata: { source: 'e2e' }, user_id: null }]);
    await eventually(
      async () => analytics.output(),
      (out) => out.includes(requestId),
      5000,
    );
  });

  it('answers a malformed body with 400 problem+json naming each bad field, and stores nothing', async () => {
    const before = await db.query('SELECT count(*)::int AS n FROM analytics_event');
    const response = await fetch(`${base}/api/v1/analytics/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ eventType: 'Not Valid', metadata: 'x', hacker: true }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = await json(response);
    expect(problem).toMatchObject({ status: 400, code: 'PLATFORM.VALIDATION_FAILED', instance: '/api/v1/analytics/events' });
    expect(problem.errors.map((e: { field: string }) => e.field).sort()).toEqual(['eventType', 'hacker', 'metadata']);
    const after = await db.query('SELECT count(*)::int AS n FROM analytics_event');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('answers malformed JSON with 400, an unknown route with 404, an oversized body with 413, all problem+json', async () => {
    const post = (body: string) =>
      fetch(`${base}/api/v1/analytics/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const malformed = await post('{"eventType": ');
    expect(malformed.status).toBe(400);
    expect((await json(malformed)).code).toBe('PLATFORM.MALFORMED_BODY');
    const unknown = await fetch(`${base}/api/v1/no-such-thing`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/problem\+json/);
    const huge = await post(JSON.stringify({ eventType: 'a.b', metadata: { blob: 'x'.repeat(2 * 1024 * 1024) } }));
    expect(huge.status).toBe(413);
    expect((await json(huge)).code).toBe('PLATFORM.PAYLOAD_TOO_LARGE');
  });

  it('answers the framework errors as problem+json too: 414 over-long path parameter, 400 bad URL encoding, 415 text body', async () => {
    const long = await fetch(`${base}/api/v1/products/${'a'.repeat(500)}`);
    expect(long.status).toBe(414);
    expect(long.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await json(long)).toMatchObject({ status: 414, code: 'PLATFORM.URI_TOO_LONG', title: 'URI Too Long' });
    const badUrl = await fetch(`${base}/api/v1/products/%E0%A4%A`);
    expect(badUrl.status).toBe(400);
    expect(badUrl.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const text = await fetch(`${base}/api/v1/analytics/events`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'eventType=a.b',
    });
    expect(text.status).toBe(415);
    expect(await json(text)).toMatchObject({ status: 415, code: 'PLATFORM.UNSUPPORTED_MEDIA_TYPE' });
  });

  it('refuses text PostgreSQL cannot store (NUL, a lone surrogate) with 400 naming the field, and stores nothing', async () => {
    const before = (await db.query('SELECT count(*)::int AS n FROM analytics_event')).rows[0].n;
    const post = (body: string) =>
      fetch(`${base}/api/v1/analytics/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    for (const [body, field] of [
      ['{"eventType":"a.b","entityId":"x\\u0000y"}', 'entityId'],
      ['{"eventType":"a.b","metadata":{"note":"\\ud800"}}', 'metadata.note'],
      ['{"eventType":"a.b","metadata":{"list":["ok","\\udc00x"]}}', 'metadata.list[1]'],
    ] as const) {
      const response = await post(body);
      expect(response.status).toBe(400);
      const problem = await json(response);
      expect(problem).toMatchObject({ code: 'PLATFORM.VALIDATION_FAILED' });
      expect(problem.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    const query = await fetch(`${base}/api/v1/products?search=a%00b`);
    expect(query.status).toBe(400);
    expect((await json(query)).errors[0].field).toBe('search');
    expect((await db.query('SELECT count(*)::int AS n FROM analytics_event')).rows[0].n).toBe(before);
  });

  it('serves OpenAPI built from the DTOs at /docs', async () => {
    expect((await fetch(`${base}/docs`)).status).toBe(200);
    const spec = await getJson(`${base}/docs/json`);
    expect(spec.paths['/api/v1/analytics/events'].post).toBeDefined();
    expect(spec.components.schemas.TrackEventDto.required).toContain('eventType');
    // Every paginated list documents its cursor and its capped limit.
    const lists = [
      '/api/v1/products',
      '/api/v1/orders',
      '/api/v1/customers',
      '/api/v1/stores',
      '/api/v1/designs',
      '/api/v1/audit-logs',
      '/api/v1/users',
    ];
    for (const path of lists) {
      const parameters: { name: string; in: string; schema?: { maximum?: number } }[] = spec.paths[path].get.parameters;
      expect(parameters.find((p) => p.name === 'cursor' && p.in === 'query')).toBeDefined();
      expect(parameters.find((p) => p.name === 'limit' && p.in === 'query')?.schema?.maximum).toBe(100);
    }
  });

  it('exposes Prometheus metrics labelled by route template', async () => {
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/suite_http_requests_total\{method="POST",route="\/api\/v1\/analytics\/events",status="202"\} [1-9]/);
    expect(metrics).toMatch(/suite_nats_client_requests_total\{subject="analytics.event.track",outcome="ok"\} [1-9]/);
    expect(metrics).toMatch(/suite_http_request_duration_seconds_bucket/);
    // The service counts what it answered, by subject and outcome (a refused event is an error).
    expect(
      (await fetch(`${base}/api/v1/analytics/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }))
        .status,
    ).toBe(400);
    const port = /listening on :(\d+)/.exec(analytics.output())?.[1];
    const served = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(served).toMatch(/suite_rpc_requests_total\{subject="analytics.event.track",outcome="ok"\} [1-9]/);
    expect(served).toMatch(/suite_rpc_requests_total\{subject="analytics.event.track",outcome="error"\} [1-9]/);
    expect(served).toMatch(/suite_rpc_duration_seconds_bucket\{le="[^"]+",subject="analytics.event.track"\} [1-9]/);
  });

  it('answers 504 problem+json when a service takes longer than the timeout, instead of hanging', async () => {
    // A responder that swallows requests on the subject, in the same queue group as analytics.
    const blackHole = nc.subscribe(AnalyticsSubjects.ConfigListPublic, { queue: 'analytics' });
    await analytics.stop();
    try {
      const started = Date.now();
      const response = await fetch(`${base}/api/v1/system-config/public`);
      expect(response.status).toBe(504);
      expect((await json(response)).code).toBe('PLATFORM.UPSTREAM_TIMEOUT');
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      blackHole.unsubscribe();
    }
  });

  it('turns a killed service down in /health within seconds while the gateway keeps answering 503', async () => {
    analytics.child.kill('SIGKILL');
    const started = Date.now();
    const health = await eventually(
      () => getJson(`${base}/health`),
      (h) => h.services.analytics.status === 'down',
      5000,
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(health.services.analytics.status).toBe('down');
    const response = await fetch(`${base}/api/v1/system-config/public`);
    expect(response.status).toBe(503);
    expect((await json(response)).code).toBe('PLATFORM.SERVICE_UNAVAILABLE');
  });
});
