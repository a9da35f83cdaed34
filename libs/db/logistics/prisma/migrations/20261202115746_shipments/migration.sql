-- CreateEnum
CREATE TYPE "ShipmentStatus" AS ENUM ('CREATED', 'DISPATCHED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'RETURNED', 'LOST');

-- CreateEnum
CREATE TYPE "TrackingProvider" AS ENUM ('AFTERSHIP', 'EASYPOST', 'MANUAL');

-- CreateEnum
CREATE TYPE "ShipmentExceptionType" AS ENUM ('ADDRESS_PROBLEM', 'DELAY', 'DAMAGE', 'LOST', 'CUSTOMS', 'FAILED_ATTEMPT', 'OTHER');

-- CreateEnum
CREATE TYPE "ShipmentExceptionSeverity" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL');

-- CreateTable
CREATE TABLE "shipment_orders" (
    "order_id" UUID NOT NULL,
    "order_code" TEXT,
    "user_id" TEXT,
    "team_id" UUID,
    "store_id" UUID,
    "placed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shipment_orders_pkey" PRIMARY KEY ("order_id")
);

-- CreateTable
CREATE TABLE "shipment_order_items" (
    "order_item_id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "shipment_order_items_pkey" PRIMARY KEY ("order_item_id")
);

-- CreateTable
CREATE TABLE "shipments" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "fulfillment_id" UUID,
    "user_id" TEXT,
    "team_id" UUID,
    "store_id" UUID,
    "status" "ShipmentStatus" NOT NULL DEFAULT 'CREATED',
    "carrier_status" TEXT,
    "carrier" TEXT,
    "tracking_number" TEXT,
    "service" TEXT,
    "label_ref" TEXT,
    "cost" DECIMAL(12,2),
    "currency" TEXT,
    "weight" DECIMAL(10,3),
    "weight_unit" TEXT,
    "tracking_provider" "TrackingProvider",
    "provider_tracker_id" TEXT,
    "last_tracked_at" TIMESTAMPTZ(3),
    "source" TEXT NOT NULL DEFAULT 'API',
    "created_by_id" TEXT,
    "estimated_delivery_at" TIMESTAMPTZ(3),
    "dispatched_at" TIMESTAMPTZ(3),
    "in_transit_at" TIMESTAMPTZ(3),
    "out_for_delivery_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "returned_at" TIMESTAMPTZ(3),
    "lost_at" TIMESTAMPTZ(3),
    "pod_signed_by" TEXT,
    "pod_photo_ref" TEXT,
    "pod_signature_ref" TEXT,
    "pod_location" TEXT,
    "pod_received_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "shipments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shipment_items" (
    "id" UUID NOT NULL,
    "shipment_id" UUID NOT NULL,
    "order_item_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "shipment_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shipment_legs" (
    "id" UUID NOT NULL,
    "shipment_id" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "carrier" TEXT NOT NULL,
    "tracking_number" TEXT NOT NULL,
    "service" TEXT,
    "status" "ShipmentStatus" NOT NULL DEFAULT 'CREATED',
    "carrier_status" TEXT,
    "handed_over_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shipment_legs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tracking_events" (
    "id" UUID NOT NULL,
    "shipment_id" UUID NOT NULL,
    "leg_id" UUID,
    "provider" "TrackingProvider" NOT NULL,
    "provider_event_id" TEXT,
    "dedupe_key" TEXT NOT NULL,
    "status" "ShipmentStatus",
    "carrier_status" TEXT NOT NULL,
    "carrier_substatus" TEXT,
    "message" TEXT,
    "location" TEXT NOT NULL DEFAULT '',
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tracking_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tracking_webhook_deliveries" (
    "provider" "TrackingProvider" NOT NULL,
    "event_id" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tracking_webhook_deliveries_pkey" PRIMARY KEY ("provider","event_id")
);

-- CreateTable
CREATE TABLE "shipment_exceptions" (
    "id" UUID NOT NULL,
    "shipment_id" UUID NOT NULL,
    "type" "ShipmentExceptionType" NOT NULL,
    "severity" "ShipmentExceptionSeverity" NOT NULL DEFAULT 'MEDIUM',
    "description" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "tracking_event_id" UUID,
    "raised_by_id" TEXT,
    "resolution" TEXT,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shipment_exceptions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "shipment_orders_user_id_idx" ON "shipment_orders"("user_id");

-- CreateIndex
CREATE INDEX "shipment_orders_team_id_idx" ON "shipment_orders"("team_id");

-- CreateIndex
CREATE INDEX "shipment_order_items_order_id_idx" ON "shipment_order_items"("order_id");

-- CreateIndex
CREATE UNIQUE INDEX "shipments_fulfillment_id_key" ON "shipments"("fulfillment_id");

-- CreateIndex
CREATE INDEX "shipments_order_id_idx" ON "shipments"("order_id");

-- CreateIndex
CREATE INDEX "shipments_user_id_created_at_idx" ON "shipments"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "shipments_team_id_created_at_idx" ON "shipments"("team_id", "created_at");

-- CreateIndex
CREATE INDEX "shipments_tracking_number_idx" ON "shipments"("tracking_number");

-- CreateIndex
CREATE INDEX "shipments_status_last_tracked_at_idx" ON "shipments"("status", "last_tracked_at");

-- CreateIndex
CREATE INDEX "shipments_created_at_idx" ON "shipments"("created_at");

-- CreateIndex
CREATE INDEX "shipment_items_order_item_id_idx" ON "shipment_items"("order_item_id");

-- CreateIndex
CREATE UNIQUE INDEX "shipment_items_shipment_id_order_item_id_key" ON "shipment_items"("shipment_id", "order_item_id");

-- CreateIndex
CREATE INDEX "shipment_legs_tracking_number_idx" ON "shipment_legs"("tracking_number");

-- CreateIndex
CREATE UNIQUE INDEX "shipment_legs_shipment_id_sequence_key" ON "shipment_legs"("shipment_id", "sequence");

-- CreateIndex
CREATE INDEX "tracking_events_shipment_id_occurred_at_idx" ON "tracking_events"("shipment_id", "occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "tracking_events_shipment_id_dedupe_key_key" ON "tracking_events"("shipment_id", "dedupe_key");

-- CreateIndex
CREATE UNIQUE INDEX "shipment_exceptions_tracking_event_id_key" ON "shipment_exceptions"("tracking_event_id");

-- CreateIndex
CREATE INDEX "shipment_exceptions_shipment_id_created_at_idx" ON "shipment_exceptions"("shipment_id", "created_at");

-- CreateIndex
CREATE INDEX "shipment_exceptions_resolved_at_idx" ON "shipment_exceptions"("resolved_at");

-- AddForeignKey
ALTER TABLE "shipment_order_items" ADD CONSTRAINT "shipment_order_items_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "shipment_orders"("order_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shipment_items" ADD CONSTRAINT "shipment_items_shipment_id_fkey" FOREIGN KEY ("shipment_id") REFERENCES "shipments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shipment_legs" ADD CONSTRAINT "shipment_legs_shipment_id_fkey" FOREIGN KEY ("shipment_id") REFERENCES "shipments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tracking_events" ADD CONSTRAINT "tracking_events_shipment_id_fkey" FOREIGN KEY ("shipment_id") REFERENCES "shipments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tracking_events" ADD CONSTRAINT "tracking_events_leg_id_fkey" FOREIGN KEY ("leg_id") REFERENCES "shipment_legs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shipment_exceptions" ADD CONSTRAINT "shipment_exceptions_shipment_id_fkey" FOREIGN KEY ("shipment_id") REFERENCES "shipments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
