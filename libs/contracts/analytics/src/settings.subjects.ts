/** NATS subjects of system settings and search logs (the internal read and the change event are in contracts/core's settings.ts). */
export const SettingsSubjects = {
  SettingList: 'analytics.setting.list',
  SettingGet: 'analytics.setting.get',
  SettingCreate: 'analytics.setting.create',
  SettingUpdate: 'analytics.setting.update',
  SettingDelete: 'analytics.setting.delete',
  SearchLogClick: 'analytics.search-log.click',
  SearchLogPopular: 'analytics.search-log.popular',
  SearchLogZeroResults: 'analytics.search-log.zero-results',
} as const;
