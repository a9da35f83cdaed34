-- CreateIndex
CREATE INDEX "idx_supplier_orders_fulfillment_id" ON "supplier_orders"("fulfillment_id");
