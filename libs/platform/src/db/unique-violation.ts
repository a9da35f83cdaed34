/**
 * Prisma's unique-constraint failure (P2002), from any service's generated client. Matched by name
 * and code rather than `instanceof`, because each service's generated client carries its own class.
 * Services catch it instead of checking first: insert-then-catch is the only race-free duplicate check.
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { name?: unknown; code?: unknown } | null;
  return !!e && e.name === 'PrismaClientKnownRequestError' && e.code === 'P2002';
}

/**
 * A unique violation of the constraint or fields matching `pattern`. Through the pg driver adapter
 * the constraint name is in meta.driverAdapterError.cause.constraint, not meta.target, so the whole
 * meta is searched.
 */
export function isUniqueViolationOn(error: unknown, pattern: RegExp): boolean {
  return isUniqueViolation(error) && pattern.test(JSON.stringify((error as { meta?: unknown }).meta ?? {}));
}
