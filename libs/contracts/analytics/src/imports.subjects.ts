/** NATS subjects of analytics' import jobs and import templates (apart from subjects.ts so features grow independently). */
export const ImportSubjects = {
  /** Called by the gateway's upload route once the file is in the file store. */
  ImportCreate: 'analytics.import.create',
  ImportList: 'analytics.import.list',
  ImportGet: 'analytics.import.get',
  ImportErrors: 'analytics.import.errors',
  ImportErrorReport: 'analytics.import.error-report',
  ImportCancel: 'analytics.import.cancel',
  TemplateCreate: 'analytics.import-template.create',
  TemplateList: 'analytics.import-template.list',
  TemplateDefaults: 'analytics.import-template.defaults',
  TemplateGet: 'analytics.import-template.get',
  TemplateUpdate: 'analytics.import-template.update',
  TemplateDelete: 'analytics.import-template.delete',
  TemplateSample: 'analytics.import-template.sample',
} as const;
