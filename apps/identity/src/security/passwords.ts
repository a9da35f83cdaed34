import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';

/**
 * argon2id, 46 MiB, 2 passes, 1 lane (one of OWASP's argon2id settings). Measured on this 2-core
 * machine: 29-31 ms median per verify (m=19456,t=2 was 11 ms; m=65536,t=2 was 43 ms). Memory is
 * what makes GPU guessing expensive; more passes would only cost us time.
 * `Algorithm` is a const enum that swc cannot inline (the package exports an empty object at
 * run time), hence the literal: 2 is Argon2id.
 */
export const PASSWORD_HASH_OPTIONS: Options = { algorithm: 2 as Algorithm, memoryCost: 47104, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

/** True when `password` is the one `passwordHash` was made from. A malformed hash throws: that is a data bug, not a wrong password. */
export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password);
}

/**
 * The hash of a random password nobody knows, made with PASSWORD_HASH_OPTIONS (a spec keeps the
 * two in step). Checking a login for an unknown email against it costs what a wrong password for
 * a real account costs, so response times do not tell which emails have accounts.
 */
export const DUMMY_HASH = '$argon2id$v=19$m=47104,t=2,p=1$0/zslisHbgdiWtnQuGjizA$J5rnU4joQCiVjWIozj+d0CABt7jzQq6sm7ZIs9BqABk';

/** Always false, after as much work as verifyPassword. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  await verify(DUMMY_HASH, password);
  return false;
}

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Lower-cased. Most leaked-list favourites are shorter than 10 characters and fail the length rule
 * anyway, so this holds the ones that pass the other rules and still get guessed first.
 */
const COMMON_PASSWORDS = new Set([
  '1234567890',
  '12345678910',
  'qwertyuiop',
  'password123',
  'password1!',
  'password123!',
  'password@123',
  'p@ssw0rd123',
  'p@ssword123',
  'passw0rd123!',
  'welcome123!',
  'welcome@123',
  'welcome1234!',
  'admin@1234',
  'admin12345!',
  'administrator1!',
  'qwerty123!',
  'qwerty@123',
  'qwerty12345!',
  'letmein123!',
  'changeme123!',
  'iloveyou123!',
  'abc123456!',
  'aa123456789!',
  'football123!',
  'sunshine123!',
  'princess123!',
  'monkey12345!',
  'summer2024!',
  'summer2025!',
  'winter2024!',
  'winter2025!',
  'password2024!',
  'password2025!',
]);

/**
 * Every reason the password is not acceptable, as sentence fragments ("must contain a digit");
 * an empty list means it is. Length counts characters (code points), not UTF-16 units.
 */
export function passwordProblems(password: string, context: { email?: string } = {}): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters long`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters long`);
  if (!/\p{Ll}/u.test(password)) problems.push('must contain a lower-case letter');
  if (!/\p{Lu}/u.test(password)) problems.push('must contain an upper-case letter');
  if (!/\p{Nd}/u.test(password)) problems.push('must contain a digit');
  if (!/[^\p{L}\p{N}]/u.test(password)) problems.push('must contain a character that is neither a letter nor a digit');
  const lower = password.toLowerCase();
  const email = (context.email ?? '').trim().toLowerCase();
  const localPart = email.includes('@') ? email.slice(0, email.lastIndexOf('@')) : email;
  // Shorter local parts ("jo@...") would forbid too many ordinary passwords for too little gain.
  if (localPart.length >= 3 && lower.includes(localPart)) problems.push('must not contain the part of your email address before the @');
  if (COMMON_PASSWORDS.has(lower)) problems.push('is one of the most commonly used passwords');
  return problems;
}
