-- CreateEnum
CREATE TYPE "FulfillmentStatus" AS ENUM ('PENDING', 'IN_PRODUCTION', 'SHIPPED', 'DELIVERED', 'FAILED');

-- AlterTable: the code of the variant beside its id
ALTER TABLE "order_items" ADD COLUMN     "system_variant_code" TEXT;

-- AlterTable: the text status becomes the enum in place (edited: Prisma generated a drop-and-add, which would lose
-- the status of every row). A value outside the enum, which nothing wrote, falls back to PENDING.
ALTER TABLE "order_items" ALTER COLUMN "fulfillment_status" DROP DEFAULT;
ALTER TABLE "order_items" ALTER COLUMN "fulfillment_status" TYPE "FulfillmentStatus" USING (
  CASE WHEN "fulfillment_status" IN ('PENDING', 'IN_PRODUCTION', 'SHIPPED', 'DELIVERED', 'FAILED')
       THEN "fulfillment_status"::"FulfillmentStatus"
       ELSE 'PENDING'::"FulfillmentStatus" END
);
ALTER TABLE "order_items" ALTER COLUMN "fulfillment_status" SET DEFAULT 'PENDING';
