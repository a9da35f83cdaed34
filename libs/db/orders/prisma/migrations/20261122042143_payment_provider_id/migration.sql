-- AlterTable
ALTER TABLE "payments" ADD COLUMN     "provider_payment_id" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "payments_provider_provider_payment_id_key" ON "payments"("provider", "provider_payment_id");
