-- CreateTable
CREATE TABLE "return_restocks" (
    "return_id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "units" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "return_restocks_pkey" PRIMARY KEY ("return_id")
);

-- CreateIndex
CREATE INDEX "return_restocks_order_id_idx" ON "return_restocks"("order_id");
