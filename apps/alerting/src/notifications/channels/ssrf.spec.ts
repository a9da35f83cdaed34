import { forbiddenDestination, isForbiddenAddress } from './ssrf';

describe('webhook destinations (SSRF)', () => {
  it('knows private, loopback and link-local addresses of both families', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
    ])
      expect([a, isForbiddenAddress(a)]).toEqual([a, true]);
    for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '172.32.0.1']) expect([a, isForbiddenAddress(a)]).toEqual([a, false]);
  });

  it('refuses in production a host with any private address among its answers', async () => {
    const resolve = async (host: string) => (host === 'mixed.example' ? ['93.184.216.34', '10.0.0.5'] : ['93.184.216.34']);
    expect(await forbiddenDestination('https://mixed.example/hook', true, resolve)).toMatch(/10\.0\.0\.5/);
    expect(await forbiddenDestination('https://public.example/hook', true, resolve)).toBeNull();
    expect(await forbiddenDestination('http://127.0.0.1:8080/hook', true, resolve)).toMatch(/loopback/);
    expect(await forbiddenDestination('http://[::1]/hook', true, resolve)).toMatch(/::1/);
    expect(await forbiddenDestination('http://169.254.169.254/latest/meta-data', true, resolve)).toMatch(/link-local/);
  });

  it('refuses names that do not resolve, and other schemes, and allows anything in development', async () => {
    const none = async () => [];
    expect(await forbiddenDestination('https://nowhere.invalid/', true, none)).toMatch(/does not resolve/);
    expect(await forbiddenDestination('ftp://example.com/', false)).toMatch(/http/);
    expect(await forbiddenDestination('http://127.0.0.1:8080/hook', false, none)).toBeNull();
  });
});
