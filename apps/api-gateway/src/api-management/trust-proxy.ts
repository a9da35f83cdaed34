/** TRUST_PROXY as Fastify's trustProxy: true/false, a hop count, or the addresses/CIDRs (comma separated) trusted. */
export function trustProxyOf(setting: string): boolean | number | string {
  const value = setting.trim();
  if (value === 'true') return true;
  if (value === 'false' || value === '') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .join(',');
}
