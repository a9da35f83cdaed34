/** NATS subjects of the analytics service's exports (apart from subjects.ts so imports and exports grow independently). */
export const ExportSubjects = {
  ExportCreate: 'analytics.export.create',
  ExportList: 'analytics.export.list',
  ExportGet: 'analytics.export.get',
  ExportCancel: 'analytics.export.cancel',
} as const;
