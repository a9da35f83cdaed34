import { Controller } from '@nestjs/common';
import {
  CreateStoreRequest,
  StoreCreate,
  StoreDeactivate,
  StoreGet,
  StoreList,
  StoreListQuery,
  StoreRef,
  StoreUpdate,
  UpdateStoreRequest,
} from '@suite/contracts/catalog';
import { CallerIdentity, Handles } from '@suite/platform';
import { StoresService } from './stores.service';

@Controller()
export class StoresNatsController {
  constructor(private readonly stores: StoresService) {}

  @Handles(StoreCreate)
  create(r: CreateStoreRequest, caller: CallerIdentity) {
    return this.stores.create(caller, r.body);
  }

  @Handles(StoreList)
  list(query: StoreListQuery, caller: CallerIdentity) {
    return this.stores.list(caller, query);
  }

  @Handles(StoreGet)
  get(r: StoreRef, caller: CallerIdentity) {
    return this.stores.get(caller, r.storeId);
  }

  @Handles(StoreUpdate)
  update(r: UpdateStoreRequest, caller: CallerIdentity) {
    return this.stores.update(caller, r.storeId, r.body);
  }

  @Handles(StoreDeactivate)
  deactivate(r: StoreRef, caller: CallerIdentity) {
    return this.stores.deactivate(caller, r.storeId);
  }
}
