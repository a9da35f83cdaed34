import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { ClientInfo } from '@suite/contracts/identity';

/** Base of request bodies as they cross NATS: the gateway adds where the call came from, for the audit log. */
export class ClientAware {
  @IsOptional() @ValidateNested() @Type(() => ClientInfo) client?: ClientInfo;
}
