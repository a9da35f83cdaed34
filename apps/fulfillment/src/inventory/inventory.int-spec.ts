import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { FulfillmentDb, FulfillmentPrismaClient, Prisma } from '@suite/db/fulfillment';
import { createPrismaClient, databaseNameFor, databaseUrlFor } from '@suite/platform';
import { migrateAll } from '@suite/platform/infra';
import { FactoryAccess } from '../access/factory-access';
import { InventoryService } from './inventory.service';

/** reserveBlanks / releaseBlanks, the calls routing makes inside its own transaction, against a migrated fulfillment database. */
describe('blank reservations', () => {
  const env = { ...process.env, DATABASE_NAME_PREFIX: `int_${randomBytes(4).toString('hex')}_` };
  let db: FulfillmentDb;
  let inventory: InventoryService;
  let locationId: string;
  const code = 'BC3001-BLK-M';

  const stock = async () =>
    Object.fromEntries((await db.factoryInventory.findMany({ where: { locationId, itemCode: code } })).map((r) => [r.type, r.quantity]));

  beforeAll(async () => {
    await migrateAll(env, ['fulfillment']);
    db = createPrismaClient<FulfillmentDb>(FulfillmentPrismaClient, databaseUrlFor('fulfillment', env), 30);
    inventory = new InventoryService(db, new FactoryAccess(db));
    const factory = await db.factory.create({ data: { name: 'Plant', code: 'INT-1', supplierType: 'PRINTER' } });
    const location = await db.factoryLocation.create({
      data: {
        factoryId: factory.id,
        name: 'Plant',
        locationType: 'WAREHOUSE',
        address1: '1 Rd',
        city: 'Pasig',
        country: 'PH',
        isDefault: true,
      },
    });
    locationId = location.id;
    await db.factoryInventory.create({ data: { locationId, itemCode: code, type: 'ON_HAND', quantity: 5 } });
  }, 120_000);

  afterAll(async () => {
    await db?.$disconnect();
    const admin = new URL(process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres');
    admin.pathname = '/postgres';
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(
      `DROP DATABASE IF EXISTS ${client.escapeIdentifier(databaseNameFor('fulfillment', env.DATABASE_NAME_PREFIX))} WITH (FORCE)`,
    );
    await client.end();
  });

  it('reserves ON_HAND into RESERVED and releases it back, each with its log row, and refuses what is not there', async () => {
    expect(await db.$transaction((tx) => inventory.reserveBlanks(tx, locationId, code, 3, 'fulfillment-1'))).toBe(true);
    expect(await stock()).toEqual({ ON_HAND: 2, RESERVED: 3 });
    expect(await db.$transaction((tx) => inventory.reserveBlanks(tx, locationId, code, 3))).toBe(false);
    expect(await stock()).toEqual({ ON_HAND: 2, RESERVED: 3 });
    expect(await db.$transaction((tx) => inventory.releaseBlanks(tx, locationId, code, 4))).toBe(false);
    expect(await db.$transaction((tx) => inventory.releaseBlanks(tx, locationId, code, 1, 'fulfillment-1'))).toBe(true);
    expect(await stock()).toEqual({ ON_HAND: 3, RESERVED: 2 });
    const log = await db.inventoryMovement.findMany({ where: { locationId, itemCode: code }, orderBy: { createdAt: 'asc' } });
    expect(log.map((m) => [m.type, m.fromType, m.toType, m.quantity, m.reference])).toEqual([
      ['ADJUSTMENT', 'ON_HAND', 'RESERVED', 3, 'fulfillment-1'],
      ['ADJUSTMENT', 'RESERVED', 'ON_HAND', 1, 'fulfillment-1'],
    ]);
  });

  it('never reserves more than is on hand when many reservations race', async () => {
    const before = (await stock()).ON_HAND;
    const results = await Promise.all(
      Array.from({ length: 12 }, () => db.$transaction((tx: Prisma.TransactionClient) => inventory.reserveBlanks(tx, locationId, code, 1))),
    );
    expect(results.filter(Boolean)).toHaveLength(before);
    expect((await stock()).ON_HAND).toBe(0);
  });
});
