import { operationsWith } from '@suite/contracts/core';
import { PermissionName } from './permissions';

/** Declares an operation of any service; its permissions are the suite's permission names. */
export const operation = operationsWith<PermissionName>();
