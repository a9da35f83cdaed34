-- AlterEnum
ALTER TYPE "OrderStatus" ADD VALUE 'ON_HOLD';

-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "hold_reason" TEXT;
