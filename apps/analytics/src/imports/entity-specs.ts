import type { ImportFieldRuleDto, ImportEntityType, ImportFileFormat } from '@suite/contracts/analytics';
import { CategoryImportBatch, InventoryImportBatch, ProductImportBatch } from '@suite/contracts/catalog';
import type { Operation } from '@suite/contracts/core';
import { BuyerImportBatch, SellerImportBatch, UserImportBatch } from '@suite/contracts/identity';
import { OrderImportBatch, TransactionImportBatch } from '@suite/contracts/orders';

/**
 * What analytics knows of an importable entity: the owner's batch operation, the natural key (a
 * repeated key in one file is reported, not sent twice), the fields a row may carry and their rules.
 * The rules mirror the owner's DTO so most bad rows are reported without a round trip; the owner
 * validates again and has the last word.
 */
export interface EntitySpec {
  entityType: ImportEntityType;
  operation: Operation;
  key: string;
  fields: Record<string, ImportFieldRuleDto>;
  sample: Record<string, string>[];
}

const MONEY: ImportFieldRuleDto = { type: 'decimal', min: 0 };

export const ENTITY_SPECS: Partial<Record<ImportEntityType, EntitySpec>> = {
  PRODUCT: {
    entityType: 'PRODUCT',
    operation: ProductImportBatch,
    key: 'sku',
    fields: {
      sku: { required: true, type: 'string', maxLength: 100 },
      name: { required: true, type: 'string', maxLength: 200 },
      storeId: { type: 'uuid' },
      price: { required: true, ...MONEY },
      basePrice: MONEY,
      comparePrice: MONEY,
      costPrice: MONEY,
      description: { type: 'string', maxLength: 10000 },
      stock: { type: 'integer', min: 0 },
      minStock: { type: 'integer', min: 0 },
      maxCartQty: { type: 'integer', min: 1 },
      weight: { type: 'decimal', min: 0 },
      tags: { type: 'string' },
      images: { type: 'string' },
      categories: { type: 'string' },
      seoTitle: { type: 'string', maxLength: 200 },
      seoDescription: { type: 'string', maxLength: 500 },
      isFeatured: { type: 'boolean' },
      status: { type: 'string', enum: ['DRAFT', 'ACTIVE', 'DISCONTINUED', 'OUT_OF_STOCK'] },
    },
    sample: [
      {
        sku: 'MUG-OYSTER-11',
        name: 'Oyster mug, 11 oz',
        price: '14.90',
        stock: '25',
        tags: 'mug|oyster',
        categories: 'mugs',
        status: 'ACTIVE',
      },
      { sku: 'TEE-SHIITAKE-M', name: 'Shiitake tee "M"', price: '19.00', comparePrice: '24.00', stock: '10', status: 'DRAFT' },
    ],
  },
  CATEGORY: {
    entityType: 'CATEGORY',
    operation: CategoryImportBatch,
    key: 'slug',
    fields: {
      slug: { required: true, type: 'string', maxLength: 120, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
      name: { required: true, type: 'string', maxLength: 120 },
      parentSlug: { type: 'string', maxLength: 120 },
      description: { type: 'string', maxLength: 2000 },
      sortOrder: { type: 'integer' },
      isActive: { type: 'boolean' },
      imageUrl: { type: 'string', maxLength: 2000 },
    },
    sample: [
      { slug: 'mushrooms', name: 'Mushrooms', sortOrder: '1' },
      { slug: 'oyster-mushrooms', name: 'Oyster mushrooms', parentSlug: 'mushrooms', sortOrder: '2' },
    ],
  },
  INVENTORY: {
    entityType: 'INVENTORY',
    operation: InventoryImportBatch,
    key: 'code',
    fields: {
      code: { required: true, type: 'string', maxLength: 5, pattern: '^[A-Za-z0-9]{5}$' },
      stock: { required: true, type: 'integer', min: 0 },
      price: MONEY,
      costPrice: MONEY,
      isActive: { type: 'boolean' },
    },
    sample: [
      { code: 'K7WQ3', stock: '120' },
      { code: 'M2XR8', stock: '0', isActive: 'false' },
    ],
  },
  ORDER: {
    entityType: 'ORDER',
    operation: OrderImportBatch,
    key: 'platformOrderId',
    fields: {
      platformOrderId: { required: true, type: 'string', maxLength: 100 },
      storeId: { type: 'uuid' },
      items: { required: true, type: 'string', maxLength: 20000 }, // SKU*quantity@price lines; the owner reads each
      currency: { type: 'string', pattern: '^[A-Za-z]{3}$' },
      placedAt: { type: 'string' },
      buyerEmail: { type: 'email', maxLength: 254 },
      buyerName: { type: 'string', maxLength: 200 },
      tax: MONEY,
      shipping: MONEY,
      discount: MONEY,
      shipName: { required: true, type: 'string', maxLength: 200 },
      shipStreet1: { required: true, type: 'string', maxLength: 200 },
      shipStreet2: { type: 'string', maxLength: 200 },
      shipCity: { required: true, type: 'string', maxLength: 100 },
      shipState: { type: 'string', maxLength: 100 },
      shipPostalCode: { required: true, type: 'string', maxLength: 20 },
      shipCountry: { required: true, type: 'string', maxLength: 100 },
      shipPhone: { type: 'string', maxLength: 40 },
    },
    sample: [
      {
        platformOrderId: 'TT-100001',
        items: 'MUG-OYSTER-11*2@14.90|TEE-SHIITAKE-M*1@19.00',
        currency: 'PHP',
        placedAt: '2026-12-01T09:30:00Z',
        buyerEmail: 'maria@example.com',
        shipping: '60.00',
        shipName: 'Maria Santos',
        shipStreet1: '12 Mabini St',
        shipCity: 'Makati',
        shipPostalCode: '1200',
        shipCountry: 'PH',
      },
    ],
  },
  TRANSACTION: {
    entityType: 'TRANSACTION',
    operation: TransactionImportBatch,
    key: 'reference',
    fields: {
      reference: { required: true, type: 'string', maxLength: 200 }, // the settlement line's id, unique within its order
      orderCode: { required: true, type: 'string', maxLength: 40 },
      type: { required: true, type: 'string', enum: ['FEE', 'COMMISSION', 'ADJUSTMENT'] },
      amount: { required: true, type: 'decimal' }, // an ADJUSTMENT may be negative; the owner checks the sign
      currency: { type: 'string', pattern: '^[A-Za-z]{3}$' },
      status: { type: 'string', enum: ['PENDING', 'PROCESSING', 'COMPLETED', 'FAILED', 'CANCELLED'] },
      createdAt: { type: 'string' },
      note: { type: 'string', maxLength: 500 },
    },
    sample: [
      { reference: 'STL-2026-12-0001', orderCode: 'K7WQ3M2XA', type: 'COMMISSION', amount: '5.96', note: 'TikTok Shop commission 8%' },
      { reference: 'STL-2026-12-0002', orderCode: 'K7WQ3M2XA', type: 'ADJUSTMENT', amount: '-2.00', status: 'PENDING' },
    ],
  },
  USER: people('USER', UserImportBatch, {
    roles: { type: 'string' },
  }),
  SELLER: people('SELLER', SellerImportBatch),
  BUYER: people('BUYER', BuyerImportBatch),
};

/** People by email (identity): a new account has no password, its owner sets one with "forgot password". */
function people(entityType: ImportEntityType, operation: Operation, extra: Record<string, ImportFieldRuleDto> = {}): EntitySpec {
  return {
    entityType,
    operation,
    key: 'email',
    fields: {
      email: { required: true, type: 'email', maxLength: 254 },
      firstName: { type: 'string', maxLength: 100 },
      lastName: { type: 'string', maxLength: 100 },
      username: { type: 'string', pattern: '^[a-zA-Z0-9_.-]{3,40}$' },
      phoneNumber: { type: 'string', pattern: '^\\+[1-9]\\d{6,14}$' },
      isActive: { type: 'boolean' },
      ...extra,
    },
    sample: [
      {
        email: 'maria@example.com',
        firstName: 'Maria',
        lastName: 'Santos',
        phoneNumber: '+639171234567',
        ...(extra.roles ? { roles: 'GROWER' } : {}),
      },
      { email: 'jun@example.com', firstName: 'Jun', username: 'jun.reyes' },
    ],
  };
}

export const supportedEntities = () => Object.keys(ENTITY_SPECS) as ImportEntityType[];

export const DEFAULT_TEMPLATE_PREFIX = 'default-';

/** The built-in template of an entity type and format: every field under its own name as the header. */
export function defaultTemplateId(entityType: ImportEntityType, format: ImportFileFormat): string {
  return `${DEFAULT_TEMPLATE_PREFIX}${entityType.toLowerCase()}-${format.toLowerCase()}`;
}
