import { IsEmail, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ImportBatchRequest, ImportBatchResponse } from '@suite/contracts/core';
import { operation } from './operation';

/** Identity's import batches (see @suite/contracts/core import-batch): people by email, one operation per entity type. */
export const IdentityImportSubjects = {
  UserImportBatch: 'identity.user.import-batch',
  SellerImportBatch: 'identity.seller.import-batch',
  BuyerImportBatch: 'identity.buyer.import-batch',
} as const;

/** One person of an import file, checked with the same rules as registration and the profile routes. */
export class ImportUserRowDto {
  @IsEmail() @MaxLength(254) email: string;
  @IsOptional() @IsString() @MaxLength(100) firstName?: string;
  @IsOptional() @IsString() @MaxLength(100) lastName?: string;
  @IsOptional()
  @Matches(/^[a-zA-Z0-9_.-]{3,40}$/, { message: 'username must be 3 to 40 letters, digits, dots, dashes or underscores' })
  username?: string;
  @IsOptional()
  @Matches(/^\+[1-9]\d{6,14}$/, { message: 'phoneNumber must be in E.164 form, e.g. +4915112345678' })
  phoneNumber?: string;
}

const importBatch = (subject: string) =>
  operation({ subject, request: ImportBatchRequest, response: ImportBatchResponse, permissions: ['users:update', 'roles:read'] });

export const UserImportBatch = importBatch(IdentityImportSubjects.UserImportBatch);
export const SellerImportBatch = importBatch(IdentityImportSubjects.SellerImportBatch);
export const BuyerImportBatch = importBatch(IdentityImportSubjects.BuyerImportBatch);
