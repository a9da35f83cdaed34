-- AlterTable
ALTER TABLE "supplier_orders" ADD COLUMN     "carrier" TEXT,
ADD COLUMN     "tracking_number" TEXT;
