import { Client } from 'pg';
import { databaseUrlFor } from '@suite/platform';
import { startStack, stopEveryStack } from './stack';

/**
 * The harness itself: a stack that cannot come up fails at once with the reason its process printed, and leaves
 * nothing behind (a leaked stack slows every later spec of the run).
 */
describe('the e2e stack harness', () => {
  const e2eDatabases = async (): Promise<string[]> => {
    const admin = new Client({
      connectionString: databaseUrlFor('identity', { ...process.env, DATABASE_NAME_PREFIX: '' }).replace(/\/[^/?]+(\?|$)/, '/postgres$1'),
    });
    await admin.connect();
    const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'e2e\\_%analytics'`);
    await admin.end();
    return rows.map((r) => r.datname);
  };

  it('reports a service that exits during start-up with its own words, and stops and drops the rest', async () => {
    const before = await e2eDatabases();
    const started = Date.now();
    const failure = await startStack(['analytics'], { NATS_REQUEST_TIMEOUT_MS: 'soon' }).then(
      () => new Error('the stack came up'),
      (error: Error) => error,
    );
    expect(failure.message).toMatch(/exited while the stack was starting/);
    expect(failure.message).toContain('NATS_REQUEST_TIMEOUT_MS');
    expect(Date.now() - started).toBeLessThan(30000);
    expect(await e2eDatabases()).toEqual(before);
  });

  it('stops a stack whose spec gave up waiting for it, once it has come up', async () => {
    const before = await e2eDatabases();
    const abandoned = startStack(['analytics']); // as when a beforeAll times out before startStack returns
    await stopEveryStack();
    const stack = await abandoned;
    expect([
      stack.gateway.child.exitCode ?? stack.gateway.child.signalCode,
      stack.services.analytics.child.exitCode ?? stack.services.analytics.child.signalCode,
    ]).not.toContain(null);
    expect(await e2eDatabases()).toEqual(before);
    await stack.stop(); // a second stop is a no-op
  }, 90000);
});
