import { Controller } from '@nestjs/common';
import {
  ConfigListPublic,
  CreateSettingRequest,
  SettingCreate,
  SettingDelete,
  SettingGet,
  SettingList,
  SettingListQuery,
  SettingRef,
  SettingUpdate,
  UpdateSettingRequest,
} from '@suite/contracts/analytics';
import { SettingsReadMany, SettingsReadManyRequest } from '@suite/contracts/core';
import { CallerIdentity, Handles } from '@suite/platform';
import { SettingsService } from './settings.service';
import { SystemConfigService } from './system-config.service';

@Controller()
export class SystemConfigNatsController {
  constructor(
    private readonly configs: SystemConfigService,
    private readonly settings: SettingsService,
  ) {}

  @Handles(ConfigListPublic)
  listPublic() {
    return this.configs.listPublic();
  }

  @Handles(SettingsReadMany)
  readMany(r: SettingsReadManyRequest) {
    return this.settings.readMany(r.keys);
  }

  @Handles(SettingList)
  list(query: SettingListQuery) {
    return this.settings.list(query);
  }

  @Handles(SettingGet)
  get(r: SettingRef) {
    return this.settings.get(r.key);
  }

  @Handles(SettingCreate)
  create(r: CreateSettingRequest, caller: CallerIdentity) {
    return this.settings.create(caller, r.body, r.client);
  }

  @Handles(SettingUpdate)
  update(r: UpdateSettingRequest, caller: CallerIdentity) {
    return this.settings.update(caller, r.key, r.body, r.client);
  }

  @Handles(SettingDelete)
  delete(r: SettingRef, caller: CallerIdentity) {
    return this.settings.delete(caller, r.key, r.client);
  }
}
