import { applyDecorators } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiExtraModels,
  ApiHeader,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiPropertyOptional,
  ApiQuery,
  ApiResponse,
  ApiSecurity,
  getSchemaPath,
} from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import type { Class, Operation } from '@suite/contracts/core';

/** RFC 9457 problem+json, as every error of the gateway is answered. */
export class ProblemView {
  @ApiProperty({ example: 'https://errors.suite.dev/catalog/category-not-found' }) type: string;
  @ApiProperty({ example: 'Not Found' }) title: string;
  @ApiProperty({ example: 404 }) status: number;
  @ApiProperty({ example: 'CATALOG.CATEGORY_NOT_FOUND' }) code: string;
  @ApiPropertyOptional() detail?: string;
  @ApiPropertyOptional() instance?: string;
  @ApiPropertyOptional({ description: 'On validation failures: every bad field with its messages' })
  errors?: { field: string; messages: string[] }[];
}

const problem = (status: number, description: string) =>
  ApiResponse({ status, description, content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemView) } } } });

export const pathParams = (path: string): string[] => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]);

/** The OpenAPI entry of a forwarded route, from its declaration alone. */
export function routeDocs(operation: Operation, operationId: string, status: number): MethodDecorator {
  const route = operation.http!;
  const params = pathParams(route.path);
  const response = operation.response;
  const decorators = [
    ApiOperation({ operationId, summary: route.summary, description: route.description }),
    ApiExtraModels(ProblemView),
    ApiResponse(
      response === undefined
        ? { status, description: 'Done' }
        : Array.isArray(response)
          ? { status, type: response[0], isArray: true }
          : { status, type: response as Class },
    ),
    ...params.map((name) => ApiParam({ name, type: String, format: isUuid(operation.request, name) ? 'uuid' : undefined })),
    ...(route.query ? queryParams(route.query) : []),
    ...(route.body ? [ApiBody({ type: route.body })] : []),
    ...Object.values(route.headers ?? {}).map((h) =>
      ApiHeader({ name: h.name, required: h.required ?? false, description: h.description }),
    ),
    problem(400, 'Invalid input: each bad field is named in `errors`'),
  ];
  if (!route.public) decorators.push(ApiBearerAuth(), ApiSecurity('api-key'), problem(401, 'No valid credential'));
  if (operation.permissions.length > 0) decorators.push(problem(403, `Needs ${operation.permissions.join(', ')}`));
  if (params.length > 0) decorators.push(problem(404, 'Not found, or not visible to the caller'));
  return applyDecorators(...decorators);
}

/** One query parameter per documented property of the query class (its base classes included). */
function queryParams(query: Class): MethodDecorator[] {
  const names: string[] = Reflect.getMetadata('swagger/apiModelPropertiesArray', query.prototype) ?? [];
  return names.map((entry) => {
    const name = entry.replace(/^:/, '');
    const meta = (Reflect.getMetadata('swagger/apiModelProperties', query.prototype, name) ?? {}) as Record<string, unknown>;
    return ApiQuery({ ...meta, name, required: meta.required === true } as never);
  });
}

function isUuid(request: Class, property: string): boolean {
  return getMetadataStorage()
    .getTargetValidationMetadatas(request, '', true, false)
    .some((m) => m.propertyName === property && m.name === 'isUuid');
}
