-- AlterTable
ALTER TABLE "cart_items" ADD COLUMN     "catalog_synced_at" TIMESTAMPTZ(3);
