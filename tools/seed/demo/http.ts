/** The demo seed's only way in: the gateway's HTTP API, as a user of it would call it. */

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(message);
  }
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Safe to send again (a GET, or a write the service deduplicates): retried when a service was too slow to answer. */
  idempotent?: boolean;
}

/** A gateway timeout or an unavailable service: worth another try for a request that may be repeated. */
const TRANSIENT = new Set([502, 503, 504]);
const ATTEMPTS = 4;

export interface Api {
  base: string;
  call<T = any>(method: string, path: string, options?: CallOptions): Promise<T>;
  /** GET of a list: every page's items (keyset pagination, `nextCursor`). */
  list<T = any>(path: string, token: string): Promise<T[]>;
}

export function api(base: string): Api {
  const once = async (method: string, path: string, options: CallOptions): Promise<any> => {
    const response = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: {
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
      signal: AbortSignal.timeout(30000),
    });
    const text = await response.text();
    const body = text ? parse(text) : undefined;
    if (!response.ok) throw new ApiError(`${method} ${path} answered ${response.status}: ${text.slice(0, 400)}`, response.status, body);
    return body;
  };
  const call = async (method: string, path: string, options: CallOptions = {}): Promise<any> => {
    const repeatable = method === 'GET' || options.idempotent;
    for (let attempt = 1; ; attempt++) {
      try {
        return await once(method, path, options);
      } catch (err) {
        // Refused by the gateway's rate limit (sign-ins: ten a minute), so not done: wait as told and send it again.
        if (err instanceof ApiError && err.status === 429 && attempt < ATTEMPTS) {
          await new Promise((r) => setTimeout(r, 1000 * Math.min(60, Number((err.body as { retryAfter?: number })?.retryAfter) || 5)));
          continue;
        }
        if (!repeatable || attempt >= ATTEMPTS || !(err instanceof ApiError) || !TRANSIENT.has(err.status)) throw err;
        await new Promise((r) => setTimeout(r, 1000 * attempt));
      }
    }
  };
  const list = async (path: string, token: string) => {
    const items: any[] = [];
    const sep = path.includes('?') ? '&' : '?';
    for (let cursor: string | undefined; ;) {
      const answer = await call('GET', `${path}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
      if (Array.isArray(answer)) return answer;
      items.push(...(answer.items ?? []));
      cursor = answer.nextCursor ?? undefined;
      if (!cursor) return items;
    }
  };
  return { base, call, list };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Waits for what an event does in another service (bounded: the demo must not hang on a broken stack). */
export async function until<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let error: unknown;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (done(last)) return last;
    } catch (err) {
      error = err;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const detail = error instanceof Error ? error.message : JSON.stringify(last)?.slice(0, 300);
  throw new Error(`waited ${timeoutMs / 1000} s for ${what}; last: ${detail}`);
}

/** A sub-resource's list: a bare array or one page of `items`. */
export const itemsOf = (answer: any): any[] => (Array.isArray(answer) ? answer : (answer?.items ?? []));
