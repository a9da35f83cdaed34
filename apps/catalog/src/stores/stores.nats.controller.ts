import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { CatalogSubjects, CreateStoreDto, StoreFilter, StoreView, UpdateStoreDto } from '@suite/contracts/catalog';
import { Caller, CallerIdentity, Page, PageQuery } from '@suite/platform';
import { StoresService } from './stores.service';

class StoreRef {
  @IsUUID() storeId: string;
}
class CreateStoreRequest {
  @ValidateNested() @Type(() => CreateStoreDto) body: CreateStoreDto;
}
class UpdateStoreRequest extends StoreRef {
  @ValidateNested() @Type(() => UpdateStoreDto) body: UpdateStoreDto;
}
class StoreListRequest extends IntersectionType(StoreFilter, PageQuery) {}

@Controller()
export class StoresNatsController {
  constructor(private readonly stores: StoresService) {}

  @MessagePattern(CatalogSubjects.StoreCreate)
  create(@Payload() r: CreateStoreRequest, @Caller() caller: CallerIdentity): Promise<StoreView> {
    return this.stores.create(caller, r.body);
  }

  @MessagePattern(CatalogSubjects.StoreList)
  list(@Payload() query: StoreListRequest, @Caller() caller: CallerIdentity): Promise<Page<StoreView>> {
    return this.stores.list(caller, query);
  }

  @MessagePattern(CatalogSubjects.StoreGet)
  get(@Payload() r: StoreRef, @Caller() caller: CallerIdentity): Promise<StoreView> {
    return this.stores.get(caller, r.storeId);
  }

  @MessagePattern(CatalogSubjects.StoreUpdate)
  update(@Payload() r: UpdateStoreRequest, @Caller() caller: CallerIdentity): Promise<StoreView> {
    return this.stores.update(caller, r.storeId, r.body);
  }

  @MessagePattern(CatalogSubjects.StoreDeactivate)
  deactivate(@Payload() r: StoreRef, @Caller() caller: CallerIdentity): Promise<StoreView> {
    return this.stores.deactivate(caller, r.storeId);
  }
}
