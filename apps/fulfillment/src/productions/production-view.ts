import {
  DefectView,
  ProductionDetailView,
  ProductionItemStatus,
  ProductionStatusName,
  ProductionView,
  QualityCheckResultName,
  QualityCheckStageName,
  QualityCheckView,
} from '@suite/contracts/fulfillment';
import { Prisma } from '@suite/db/fulfillment';
import { notFound } from '@suite/platform';

export const DETAIL = {
  items: {
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    include: { fulfillmentItem: { select: { fulfillmentId: true, reprintCount: true } } },
  },
  qualityChecks: { orderBy: [{ checkedAt: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.ProductionInclude;

type Row = Prisma.ProductionGetPayload<object>;
type DetailRow = Prisma.ProductionGetPayload<{ include: typeof DETAIL }>;
type CheckRow = Prisma.QualityCheckGetPayload<object>;

export const productionNotFound = () =>
  notFound('FULFILLMENT.PRODUCTION_NOT_FOUND', 'No such production batch.', {
    errors: [{ field: 'productionId', messages: ['production batch not found'] }],
  });

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const toProductionView = (p: Row): ProductionView => ({
  id: p.id,
  factoryId: p.factoryId,
  batchNumber: p.batchNumber,
  printMethod: p.printMethod,
  status: p.status as ProductionStatusName,
  plannedAt: iso(p.plannedAt),
  startedAt: iso(p.startedAt),
  completedAt: iso(p.completedAt),
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

export const toQualityCheckView = (c: CheckRow): QualityCheckView => ({
  id: c.id,
  productionId: c.productionId,
  productionItemId: c.productionItemId,
  stage: c.stage as QualityCheckStageName,
  result: c.result as QualityCheckResultName,
  defects: (c.defects ?? []) as unknown as DefectView[],
  inspectorId: c.inspectorId,
  photos: c.photos,
  notes: c.notes,
  checkedAt: c.checkedAt.toISOString(),
});

export const toDetailView = (p: DetailRow): ProductionDetailView => ({
  ...toProductionView(p),
  items: p.items.map((i) => ({
    id: i.id,
    productionId: i.productionId,
    fulfillmentItemId: i.fulfillmentItemId,
    fulfillmentId: i.fulfillmentItem.fulfillmentId,
    quantity: i.quantity,
    reprintOfId: i.reprintOfId,
    status: i.status as ProductionItemStatus,
    reprintCount: i.fulfillmentItem.reprintCount,
    createdAt: i.createdAt.toISOString(),
  })),
  qualityChecks: p.qualityChecks.map(toQualityCheckView),
});
