import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { DeletedView, pageOf, PageQuery } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import {
  CreateFactoryDto,
  CreateFactoryLocationDto,
  FactoryFilter,
  FactoryLocationView,
  FactoryRemovedView,
  FactoryUserView,
  FactoryView,
  LinkFactoryUserDto,
  UpdateFactoryDto,
  UpdateFactoryLocationDto,
} from './factories.dto';
import { FulfillmentSubjects } from './subjects';

export class FactoryRef {
  @IsUUID() factoryId: string;
}
export class CreateFactoryRequest {
  @ValidateNested() @Type(() => CreateFactoryDto) body: CreateFactoryDto;
}
export class UpdateFactoryRequest extends FactoryRef {
  @ValidateNested() @Type(() => UpdateFactoryDto) body: UpdateFactoryDto;
}
/** `GET /factories`: the filters and the page. */
export class FactoryListQuery extends IntersectionType(FactoryFilter, PageQuery) {}

export class FactoryLocationRef extends FactoryRef {
  @IsUUID() locationId: string;
}
export class CreateFactoryLocationRequest extends FactoryRef {
  @ValidateNested() @Type(() => CreateFactoryLocationDto) body: CreateFactoryLocationDto;
}
export class UpdateFactoryLocationRequest extends FactoryLocationRef {
  @ValidateNested() @Type(() => UpdateFactoryLocationDto) body: UpdateFactoryLocationDto;
}

export class LinkFactoryUserRequest extends FactoryRef {
  @ValidateNested() @Type(() => LinkFactoryUserDto) body: LinkFactoryUserDto;
}
export class FactoryUserRef extends FactoryRef {
  @IsUUID() userId: string;
}

/**
 * Factories: operators (factories:*) manage them all; a FULFILLER (factories:read) sees only the
 * factories they are linked to, any other is 404. Credentials go in, never out.
 */
export const FactoryCreate = operation({
  subject: FulfillmentSubjects.FactoryCreate,
  request: CreateFactoryRequest,
  response: FactoryView,
  permissions: ['factories:create'],
  http: { method: 'POST', path: 'factories', body: CreateFactoryDto, summary: 'Register a factory; credentials are stored encrypted' },
});

export const FactoryList = operation({
  subject: FulfillmentSubjects.FactoryList,
  request: FactoryListQuery,
  response: pageOf(FactoryView),
  permissions: ['factories:read'],
  http: {
    method: 'GET',
    path: 'factories',
    query: FactoryListQuery,
    summary: "Factories, newest first (a FULFILLER's linked ones only); cursor pagination",
  },
});

export const FactoryGet = operation({
  subject: FulfillmentSubjects.FactoryGet,
  request: FactoryRef,
  response: FactoryView,
  permissions: ['factories:read'],
  http: { method: 'GET', path: 'factories/:factoryId', summary: 'One factory' },
});

export const FactoryUpdate = operation({
  subject: FulfillmentSubjects.FactoryUpdate,
  request: UpdateFactoryRequest,
  response: FactoryView,
  permissions: ['factories:update'],
  http: {
    method: 'PATCH',
    path: 'factories/:factoryId',
    body: UpdateFactoryDto,
    summary: 'Change the factory; credentials, when given, replace the stored ones',
  },
});

export const FactoryDelete = operation({
  subject: FulfillmentSubjects.FactoryDelete,
  request: FactoryRef,
  response: FactoryRemovedView,
  permissions: ['factories:delete'],
  http: {
    method: 'DELETE',
    path: 'factories/:factoryId',
    summary: 'Delete the factory, or only deactivate it when fulfillments or supplier orders name it',
  },
});

export const FactoryLocationList = operation({
  subject: FulfillmentSubjects.FactoryLocationList,
  request: FactoryRef,
  response: [FactoryLocationView],
  permissions: ['factories:read'],
  http: { method: 'GET', path: 'factories/:factoryId/locations', summary: "The factory's locations, the default first" },
});

export const FactoryLocationCreate = operation({
  subject: FulfillmentSubjects.FactoryLocationCreate,
  request: CreateFactoryLocationRequest,
  response: FactoryLocationView,
  permissions: ['factories:update'],
  http: {
    method: 'POST',
    path: 'factories/:factoryId/locations',
    body: CreateFactoryLocationDto,
    summary: 'Add a location; the first one is the default',
  },
});

export const FactoryLocationUpdate = operation({
  subject: FulfillmentSubjects.FactoryLocationUpdate,
  request: UpdateFactoryLocationRequest,
  response: FactoryLocationView,
  permissions: ['factories:update'],
  http: {
    method: 'PATCH',
    path: 'factories/:factoryId/locations/:locationId',
    body: UpdateFactoryLocationDto,
    summary: 'Change a location; isDefault true moves the default to it',
  },
});

export const FactoryLocationDelete = operation({
  subject: FulfillmentSubjects.FactoryLocationDelete,
  request: FactoryLocationRef,
  response: DeletedView,
  permissions: ['factories:update'],
  http: {
    method: 'DELETE',
    path: 'factories/:factoryId/locations/:locationId',
    summary: 'Remove a location; deleting the default promotes another active one',
  },
});

export const FactoryUserList = operation({
  subject: FulfillmentSubjects.FactoryUserList,
  request: FactoryRef,
  response: [FactoryUserView],
  permissions: ['factories:read'],
  http: { method: 'GET', path: 'factories/:factoryId/users', summary: 'The FULFILLER users linked to the factory' },
});

export const FactoryUserLink = operation({
  subject: FulfillmentSubjects.FactoryUserLink,
  request: LinkFactoryUserRequest,
  response: FactoryUserView,
  permissions: ['factories:update'],
  http: {
    method: 'POST',
    path: 'factories/:factoryId/users',
    body: LinkFactoryUserDto,
    summary: 'Link a FULFILLER user (identity user id) to the factory; linking twice is a no-op',
  },
});

export const FactoryUserUnlink = operation({
  subject: FulfillmentSubjects.FactoryUserUnlink,
  request: FactoryUserRef,
  response: DeletedView,
  permissions: ['factories:update'],
  http: { method: 'DELETE', path: 'factories/:factoryId/users/:userId', summary: 'Unlink a user from the factory' },
});

export const FactoryOperations = [
  FactoryCreate,
  FactoryList,
  FactoryGet,
  FactoryUpdate,
  FactoryDelete,
  FactoryLocationList,
  FactoryLocationCreate,
  FactoryLocationUpdate,
  FactoryLocationDelete,
  FactoryUserList,
  FactoryUserLink,
  FactoryUserUnlink,
];
