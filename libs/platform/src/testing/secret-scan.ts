/**
 * What must never appear in a process's log: a token, key, credential or password hash by its shape, and the
 * literal secrets a spec registered (the passwords it signs in with, a TOTP secret it was shown once). Stacks scan
 * every process's output when they stop, at the debug level the e2e stacks log at.
 */
const SHAPES: Array<[string, RegExp]> = [
  ['access or refresh token (JWT)', /eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{10,}/],
  ['API key', /\bsk_[A-Za-z0-9]{4,}_[\w-]{20,}/],
  ['device credential', /\bdk_[\w-]{6,}_[\w-]{32,}/],
  ['password hash', /\$argon2(?:id|i|d)\$v=/],
];

const registered = new Set<string>();

/** A literal the spec knows to be secret (at least 8 characters, so common words are not flagged). */
export function registerSecret(secret: string): void {
  if (secret.length >= 8) registered.add(secret);
}

/** Each finding as "what (in which line)", the line cut around the secret so the report does not repeat it whole. */
export function findSecrets(text: string): string[] {
  const findings: string[] = [];
  for (const line of text.split('\n')) {
    for (const [what, shape] of SHAPES) if (shape.test(line)) findings.push(`${what}: ${redactedLine(line, shape)}`);
    for (const secret of registered)
      if (line.includes(secret)) findings.push(`a registered secret: ${line.split(secret).join('<secret>').slice(0, 300)}`);
  }
  return findings;
}

const redactedLine = (line: string, shape: RegExp) => line.replace(new RegExp(shape.source, 'g'), '<secret>').slice(0, 300);
