/** Every NATS subject of the catalog service. Request/reply: `<service>.<entity>.<verb>`; events: `evt.<service>.<entity>.<past-tense>`. */
export const CatalogSubjects = {
  HealthCheck: 'catalog.health.check',
} as const;

export const CatalogEvents = {
  ProductCreated: 'evt.catalog.product.created',
  ProductUpdated: 'evt.catalog.product.updated',
  ProductDiscontinued: 'evt.catalog.product.discontinued',
  StockLow: 'evt.catalog.stock.low',
  DesignApproved: 'evt.catalog.design.approved',
} as const;
