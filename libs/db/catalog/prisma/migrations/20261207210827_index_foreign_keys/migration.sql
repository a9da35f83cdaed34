-- CreateIndex
CREATE INDEX "idx_stock_reservations_product_id" ON "stock_reservations"("product_id");
