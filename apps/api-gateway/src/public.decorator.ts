import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'isPublic';
/** Marks a route that anonymous callers may use; every other route will require authentication. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
