import { ErrorKind, ErrorPayload } from './app-error';

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  internal: 500,
  unavailable: 503,
};

/** RFC 9457 problem details, with the error model's code and details as extension members. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  requestId?: string;
  errors?: { field: string; messages: string[] }[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_BASE = 'https://docs.suite.local/problems/';

export function statusFor(error: ErrorPayload): number {
  return error.status ?? STATUS_BY_KIND[error.kind] ?? 500;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function toProblem(error: ErrorPayload, context: { instance?: string; requestId?: string } = {}): ProblemDocument {
  const status = statusFor(error);
  const { errors, ...rest } = error.details ?? {};
  // Extension members first: a detail named like a standard member (status, type, title, code) must not
  // replace it, or a 409 whose details say `status: 'RUNNING'` would reach the client as something else.
  const problem: ProblemDocument = {
    ...rest,
    type: TYPE_BASE + error.code.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    title: TITLES[status] ?? 'Error',
    status,
    detail: error.message,
    code: error.code,
  };
  if (errors) problem.errors = errors;
  if (context.instance) problem.instance = context.instance;
  if (context.requestId) problem.requestId = context.requestId;
  return problem;
}
