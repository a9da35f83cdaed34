import { pageOf } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import {
  ApiUsageByEndpointQuery,
  ApiUsageByKeyQuery,
  ApiUsageByUserQuery,
  ApiUsageRecorded,
  ApiUsageRecordRequest,
  ApiUsageReport,
  RateLimitQuery,
  RateLimitWindowView,
} from './api-usage.dto';
import { ApiUsageSubjects } from './api-usage.subjects';

/** The gateway's batches (no HTTP route): the reply comes after the rows are committed, so a batch is resent until then. */
export const ApiUsageRecord = operation({
  subject: ApiUsageSubjects.Record,
  request: ApiUsageRecordRequest,
  response: ApiUsageRecorded,
});

/** Staff (admins) see every key, user and endpoint; anyone else only their own requests and keys. */
export const ApiUsageByKey = operation({
  subject: ApiUsageSubjects.ByKey,
  request: ApiUsageByKeyQuery,
  response: ApiUsageReport,
  permissions: ['api-usage:read'],
  http: {
    method: 'GET',
    path: 'api-usage/keys',
    query: ApiUsageByKeyQuery,
    summary: 'Requests per API key id over a range: counts, errors, p50/p95/p99 response times',
  },
});

export const ApiUsageByUser = operation({
  subject: ApiUsageSubjects.ByUser,
  request: ApiUsageByUserQuery,
  response: ApiUsageReport,
  permissions: ['api-usage:read'],
  http: {
    method: 'GET',
    path: 'api-usage/users',
    query: ApiUsageByUserQuery,
    summary: 'Requests per user over a range: counts, errors, p50/p95/p99 response times',
  },
});

export const ApiUsageByEndpoint = operation({
  subject: ApiUsageSubjects.ByEndpoint,
  request: ApiUsageByEndpointQuery,
  response: ApiUsageReport,
  permissions: ['api-usage:read'],
  http: {
    method: 'GET',
    path: 'api-usage/endpoints',
    query: ApiUsageByEndpointQuery,
    summary: 'Requests per route template and method over a range: counts, errors, p50/p95/p99 response times',
  },
});

export const RateLimitList = operation({
  subject: ApiUsageSubjects.RateLimitList,
  request: RateLimitQuery,
  response: pageOf(RateLimitWindowView),
  permissions: ['api-usage:read'],
  http: {
    method: 'GET',
    path: 'api-usage/rate-limits',
    query: RateLimitQuery,
    summary: 'Rate-limit windows in which requests were refused, newest first; cursor pagination',
  },
});

export const ApiUsageOperations = [ApiUsageByKey, ApiUsageByUser, ApiUsageByEndpoint, RateLimitList];
