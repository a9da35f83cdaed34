import { sha256Hex } from './tokens';
import { consumeBackupCode, newBackupCodes } from './backup-codes';

describe('backup codes', () => {
  it('makes distinct codes like ab12-cd34 and stores only their hashes', () => {
    const { plain, hashed } = newBackupCodes();
    expect(plain).toHaveLength(10);
    expect(new Set(plain).size).toBe(10);
    for (const code of plain) expect(code).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}$/);
    expect(hashed).toEqual(plain.map((c) => sha256Hex(c.replace('-', ''))));
    expect(newBackupCodes(3).plain).toHaveLength(3);
  });

  it('lets each code work once, whatever its case and dash', () => {
    const { plain, hashed } = newBackupCodes();
    const first = consumeBackupCode(hashed, plain[3].toUpperCase().replace('-', ''));
    expect(first.ok).toBe(true);
    expect(first.remaining).toHaveLength(9);
    expect(first.remaining).not.toContain(hashed[3]);

    const again = consumeBackupCode(first.remaining, plain[3]);
    expect(again).toEqual({ ok: false, remaining: first.remaining });

    const other = consumeBackupCode(first.remaining, ` ${plain[0].toUpperCase()} `);
    expect(other.ok).toBe(true);
    expect(other.remaining).toHaveLength(8);
  });

  it('rejects unknown and malformed input', () => {
    const { hashed } = newBackupCodes();
    expect(consumeBackupCode(hashed, 'zzzz-zzzz').ok).toBe(false);
    expect(consumeBackupCode(hashed, '').ok).toBe(false);
    expect(consumeBackupCode(hashed, 'ab12-cd34-ef56').ok).toBe(false);
    expect(consumeBackupCode([], 'ab12-cd34')).toEqual({ ok: false, remaining: [] });
  });
});
