-- CreateEnum
CREATE TYPE "LalamoveQuotationStatus" AS ENUM ('ACTIVE', 'EXPIRED', 'USED');

-- CreateEnum
CREATE TYPE "LalamoveOrderStatus" AS ENUM ('ASSIGNING_DRIVER', 'ON_GOING', 'PICKED_UP', 'COMPLETED', 'CANCELED', 'REJECTED', 'EXPIRED');

-- CreateTable
CREATE TABLE "lalamove_quotations" (
    "id" UUID NOT NULL,
    "quotation_id" TEXT NOT NULL,
    "service_type" TEXT NOT NULL,
    "total_price" DECIMAL(12,2) NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'PHP',
    "distance" DECIMAL(10,3) NOT NULL,
    "distance_unit" TEXT NOT NULL DEFAULT 'km',
    "stops" JSONB NOT NULL,
    "is_scheduled" BOOLEAN NOT NULL DEFAULT false,
    "schedule_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "LalamoveQuotationStatus" NOT NULL DEFAULT 'ACTIVE',
    "user_id" TEXT,
    "price_breakdown" JSONB NOT NULL,
    "item" JSONB,
    "special_requests" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "lalamove_quotations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lalamove_orders" (
    "id" UUID NOT NULL,
    "order_id" TEXT NOT NULL,
    "quotation_id" TEXT NOT NULL,
    "status" "LalamoveOrderStatus" NOT NULL DEFAULT 'ASSIGNING_DRIVER',
    "driver_id" TEXT,
    "driver" JSONB,
    "share_link" TEXT NOT NULL,
    "total_price" DECIMAL(12,2) NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'PHP',
    "distance" DECIMAL(10,3) NOT NULL,
    "distance_unit" TEXT NOT NULL DEFAULT 'km',
    "stops" JSONB NOT NULL,
    "is_pod_enabled" BOOLEAN NOT NULL DEFAULT true,
    "pod_status" TEXT,
    "pod_image" TEXT,
    "pod_signature" TEXT,
    "pod_delivered_at" TIMESTAMPTZ(3),
    "order_reference" TEXT,
    "user_id" TEXT,
    "status_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "on_going_at" TIMESTAMPTZ(3),
    "driver_assigned_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "lalamove_orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lalamove_webhook_events" (
    "event_id" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "order_id" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lalamove_webhook_events_pkey" PRIMARY KEY ("event_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "lalamove_quotations_quotation_id_key" ON "lalamove_quotations"("quotation_id");

-- CreateIndex
CREATE INDEX "lalamove_quotations_status_expires_at_idx" ON "lalamove_quotations"("status", "expires_at");

-- CreateIndex
CREATE INDEX "lalamove_quotations_user_id_idx" ON "lalamove_quotations"("user_id");

-- CreateIndex
CREATE INDEX "lalamove_quotations_created_at_idx" ON "lalamove_quotations"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "lalamove_orders_order_id_key" ON "lalamove_orders"("order_id");

-- CreateIndex
CREATE UNIQUE INDEX "lalamove_orders_quotation_id_key" ON "lalamove_orders"("quotation_id");

-- CreateIndex
CREATE INDEX "lalamove_orders_status_idx" ON "lalamove_orders"("status");

-- CreateIndex
CREATE INDEX "lalamove_orders_user_id_idx" ON "lalamove_orders"("user_id");

-- CreateIndex
CREATE INDEX "lalamove_orders_driver_id_idx" ON "lalamove_orders"("driver_id");

-- CreateIndex
CREATE INDEX "lalamove_orders_created_at_idx" ON "lalamove_orders"("created_at");

-- AddForeignKey
ALTER TABLE "lalamove_orders" ADD CONSTRAINT "lalamove_orders_quotation_id_fkey" FOREIGN KEY ("quotation_id") REFERENCES "lalamove_quotations"("quotation_id") ON DELETE RESTRICT ON UPDATE CASCADE;
