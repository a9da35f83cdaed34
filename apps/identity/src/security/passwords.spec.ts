import { parseOptions } from '@node-rs/argon2';
import { DUMMY_HASH, hashPassword, PASSWORD_HASH_OPTIONS, passwordProblems, verifyAgainstDummy, verifyPassword } from './passwords';

describe('password hashing', () => {
  it('verifies the password a hash was made from and nothing else', async () => {
    const hash = await hashPassword('Correct-Horse-9');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=47104,t=2,p=1\$/);
    await expect(verifyPassword(hash, 'Correct-Horse-9')).resolves.toBe(true);
    await expect(verifyPassword(hash, 'correct-Horse-9')).resolves.toBe(false);
    expect(await hashPassword('Correct-Horse-9')).not.toBe(hash); // salted
  });

  it('checks unknown emails against a dummy hash as costly as a real one', async () => {
    const { algorithm, memoryCost, timeCost, parallelism } = parseOptions(DUMMY_HASH);
    expect({ algorithm, memoryCost, timeCost, parallelism }).toEqual(PASSWORD_HASH_OPTIONS);
    await expect(verifyAgainstDummy('Correct-Horse-9')).resolves.toBe(false);
  });
});

describe('passwordProblems', () => {
  const email = 'marie.curie@example.com';

  it('accepts a long mixed password', () => {
    expect(passwordProblems('Radium-1898-Polonium', { email })).toEqual([]);
    expect(passwordProblems('Äpfel und Birnen 42')).toEqual([]); // non-ASCII letters count as letters
  });

  it.each([
    ['Sh0rt!pw', 'must be at least 10 characters long'],
    ['Aa1!' + 'x'.repeat(125), 'must be at most 128 characters long'],
    ['RADIUM-1898-POLONIUM', 'must contain a lower-case letter'],
    ['radium-1898-polonium', 'must contain an upper-case letter'],
    ['Radium-Polonium-Curie', 'must contain a digit'],
    ['Radium1898Polonium', 'must contain a character that is neither a letter nor a digit'],
    ['My-Marie.Curie-Pw-1', 'must not contain the part of your email address before the @'],
    ['Password123!', 'is one of the most commonly used passwords'],
    ['P@ssw0rd123', 'is one of the most commonly used passwords'],
  ])('%s: %s', (password, problem) => {
    expect(passwordProblems(password, { email })).toEqual([problem]);
  });

  it('lists every problem at once and counts characters, not UTF-16 units', () => {
    expect(passwordProblems('abc')).toEqual([
      'must be at least 10 characters long',
      'must contain an upper-case letter',
      'must contain a digit',
      'must contain a character that is neither a letter nor a digit',
    ]);
    expect(passwordProblems('Aa1-😀😀😀😀😀')).toEqual(['must be at least 10 characters long']);
  });

  it('ignores email local parts shorter than 3 characters', () => {
    expect(passwordProblems('Jo-Radium-1898', { email: 'jo@example.com' })).toEqual([]);
    expect(passwordProblems('Bob-Radium-1898', { email: 'BOB@example.com' })).toEqual([
      'must not contain the part of your email address before the @',
    ]);
  });
});
