import { DesignView, ProductDesignView } from '@suite/contracts/catalog';
import { CallerIdentity, notFound } from '@suite/platform';
import { CatalogDb, Prisma } from '@suite/db/catalog';
import { teamScope } from '../access/team-access';

type DesignRow = Prisma.DesignGetPayload<object>;
type LinkRow = Prisma.ProductDesignGetPayload<object>;

export const toDesignView = (d: DesignRow): DesignView => ({
  id: d.id,
  teamId: d.teamId,
  sellerId: d.sellerId,
  name: d.name,
  artworkUrl: d.artworkUrl,
  fingerprint: d.fingerprint,
  status: d.status,
  rejectionReason: d.rejectionReason,
  isAutoFulfillmentReady: d.isAutoFulfillmentReady,
  tags: d.tags,
  designer: d.designer,
  version: d.version,
  metadata: d.metadata ?? null,
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
});

export const toProductDesignView = (l: LinkRow): ProductDesignView => ({
  id: l.id,
  productId: l.productId,
  designId: l.designId,
  placementSettings: l.placementSettings ?? null,
  isDefault: l.isDefault,
  createdAt: l.createdAt.toISOString(),
});

export const designNotFound = () => notFound('CATALOG.DESIGN_NOT_FOUND', 'No such design.');

/** Another team's design and a missing one are the same 404. */
export async function loadDesign(db: CatalogDb | Prisma.TransactionClient, caller: CallerIdentity, id: string): Promise<DesignRow> {
  const design = await db.design.findFirst({ where: { id, ...teamScope(caller) } });
  if (!design) throw designNotFound();
  return design;
}
