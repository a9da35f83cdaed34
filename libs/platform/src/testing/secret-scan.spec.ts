import { findSecrets, registerSecret } from './secret-scan';

describe('secret scan of process logs', () => {
  it('finds tokens, keys, credentials and hashes by their shape, and registered literals, without repeating them', () => {
    registerSecret('Correct#Horse42');
    const log = [
      '{"level":30,"msg":"signed in","user":"u1"}',
      'authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSIsImV4cCI6MX0.c2lnbmF0dXJlLXNpZ25hdHVyZQ',
      'key sk_ab12_Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4',
      'device dk_a1B2c3_' + 'x'.repeat(43),
      'hash $argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
      'body {"password":"Correct#Horse42"}',
    ].join('\n');
    const findings = findSecrets(log);
    expect(findings.map((f) => f.split(':')[0])).toEqual([
      'access or refresh token (JWT)',
      'API key',
      'device credential',
      'password hash',
      'a registered secret',
    ]);
    expect(findings.join('\n')).not.toMatch(/Correct#Horse42|eyJzdWIi|Zm9vYmFy/);
  });

  it('leaves ordinary log lines alone', () => {
    expect(findSecrets('{"msg":"order placed","orderCode":"AB12CD34E","sku":"sk_mug"}\nGET /api/v1/orders 200')).toEqual([]);
  });
});
