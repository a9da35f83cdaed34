-- AlterTable
ALTER TABLE "users" ADD COLUMN     "two_factor_last_step" INTEGER;

-- CreateIndex
CREATE INDEX "audit_logs_timestamp_idx" ON "audit_logs"("timestamp");
