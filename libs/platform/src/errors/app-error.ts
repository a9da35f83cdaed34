/**
 * The one error model of the suite (ARCHITECTURE.md "Conventions"). A service throws an AppError
 * with a stable code; it crosses NATS as an ErrorPayload and the gateway answers it as RFC 9457
 * problem+json. Nothing else about a failure (no stack, no SQL) leaves the process.
 */
export const ERROR_KINDS = ['not_found', 'invalid', 'conflict', 'forbidden', 'unauthorized', 'unavailable', 'internal'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** One offending input, so clients can put the message next to the right field. */
export interface FieldViolation {
  field: string;
  messages: string[];
}

export interface ErrorDetails {
  /** Present on validation failures: every bad field, not just the first. */
  errors?: FieldViolation[];
  [key: string]: unknown;
}

/** What crosses NATS. `status` is set only where the kind's default HTTP status is not right (e.g. 422, 504). */
export interface ErrorPayload {
  code: string;
  kind: ErrorKind;
  message: string;
  details?: ErrorDetails;
  status?: number;
}

export class AppError extends Error implements ErrorPayload {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetails,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toPayload(): ErrorPayload {
    const payload: ErrorPayload = { code: this.code, kind: this.kind, message: this.message };
    if (this.details) payload.details = this.details;
    if (this.status) payload.status = this.status;
    return payload;
  }

  static fromPayload(payload: ErrorPayload): AppError {
    return new AppError(payload.kind, payload.code, payload.message, payload.details, payload.status);
  }
}

export const notFound = (code: string, message: string, details?: ErrorDetails) => new AppError('not_found', code, message, details);
export const invalid = (code: string, message: string, details?: ErrorDetails) => new AppError('invalid', code, message, details);
export const conflict = (code: string, message: string, details?: ErrorDetails) => new AppError('conflict', code, message, details);
export const forbidden = (code: string, message: string, details?: ErrorDetails) => new AppError('forbidden', code, message, details);
export const unauthorized = (code: string, message: string, details?: ErrorDetails) => new AppError('unauthorized', code, message, details);
export const unavailable = (code: string, message: string, details?: ErrorDetails) => new AppError('unavailable', code, message, details);

export function isErrorPayload(value: unknown): value is ErrorPayload {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string' && ERROR_KINDS.includes(v.kind as ErrorKind);
}

/** Any thrown value as a payload that is safe to send: unknown errors become a generic internal error. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof AppError) return error.toPayload();
  if (isErrorPayload(error)) return error;
  return { code: 'PLATFORM.INTERNAL', kind: 'internal', message: 'An unexpected error occurred.' };
}
