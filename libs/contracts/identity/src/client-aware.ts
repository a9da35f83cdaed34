import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { ClientInfo } from './auth.dto';

/** Base of requests as they cross NATS: the gateway adds where the call came from (`http.client`), for the audit log. */
export class ClientAware {
  @IsOptional() @ValidateNested() @Type(() => ClientInfo) client?: ClientInfo;
}
