-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "guest_email" TEXT,
ADD COLUMN     "guest_token_hash" CHAR(64);

-- CreateIndex
CREATE INDEX "orders_guest_email_idx" ON "orders"("guest_email");
