-- CreateIndex
CREATE INDEX "products_status_is_deleted_created_at_id_idx" ON "products"("status", "is_deleted", "created_at" DESC, "id" DESC);
