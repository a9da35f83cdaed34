/** What the demo prints when it is done: whom to sign in as, and three requests to try. */
import { DEMO_ORDERS } from './demo/order-payloads';
import { adminOf, PEOPLE, type Person } from './demo/world';

export function welcome(gatewayUrl: string, env: NodeJS.ProcessEnv = process.env): string {
  const api = `${gatewayUrl.replace(/\/$/, '')}/api/v1`;
  const people: [string, Person][] = [['admin', adminOf(env)], ...Object.entries(PEOPLE)];
  const width = Math.max(...people.map(([, p]) => p.email.length));
  const shipped = DEMO_ORDERS.find((o) => o.stage === 'SHIPPED')!;
  const seller = JSON.stringify({ email: PEOPLE.seller.email, password: PEOPLE.seller.password });
  return [
    'The demo world is ready. Sign in as:',
    ...people.map(([key, p]) => `  ${key.padEnd(9)} ${p.email.padEnd(width)}  ${p.password.padEnd(16)}  ${p.about}`),
    '',
    'Try (copy and paste):',
    `  curl -s '${api}/products?limit=5'`,
    `  curl -s ${api}/tracking/DEMO${shipped.platformOrderId}`,
    `  TOKEN=$(curl -s ${api}/auth/login -H 'content-type: application/json' -d '${seller}' | sed -E 's/.*"accessToken":"([^"]+)".*/\\1/'); ` +
      `curl -s ${api}/orders -H "authorization: Bearer $TOKEN"`,
  ].join('\n');
}
