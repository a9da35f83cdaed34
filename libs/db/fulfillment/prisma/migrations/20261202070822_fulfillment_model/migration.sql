-- CreateEnum
CREATE TYPE "SupplierType" AS ENUM ('MANUFACTURER', 'PRINTER', 'DISTRIBUTOR', 'FULFILLMENT_CENTER');

-- CreateEnum
CREATE TYPE "LocationType" AS ENUM ('PRODUCTION', 'WAREHOUSE', 'OFFICE');

-- CreateEnum
CREATE TYPE "FulfillmentStatus" AS ENUM ('PENDING', 'IN_PRODUCTION', 'SHIPPED', 'DELIVERED', 'FAILED');

-- CreateEnum
CREATE TYPE "HoldReason" AS ENUM ('AWAITING_PAYMENT', 'DESIGN_NOT_READY', 'NO_FACTORY', 'CAPACITY', 'ADDRESS', 'MANUAL', 'OTHER');

-- CreateEnum
CREATE TYPE "SupplierOrderStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'REJECTED', 'IN_PRODUCTION', 'SHIPPED', 'RECEIVED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ProductionStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "QualityCheckStage" AS ENUM ('PRE_PRODUCTION', 'IN_PRODUCTION', 'POST_PRODUCTION', 'PRE_SHIPPING');

-- CreateEnum
CREATE TYPE "QualityCheckResult" AS ENUM ('PASS', 'FAIL', 'CONDITIONAL');

-- CreateEnum
CREATE TYPE "InventoryType" AS ENUM ('ON_HAND', 'RESERVED', 'IN_TRANSIT', 'DAMAGED');

-- CreateEnum
CREATE TYPE "MovementType" AS ENUM ('RECEIPT', 'SHIPMENT', 'ADJUSTMENT', 'TRANSFER', 'RETURN', 'DAMAGE');

-- CreateEnum
CREATE TYPE "RoutingFallback" AS ENUM ('NEXT_RULE', 'HOLD', 'MANUAL_QUEUE');

-- CreateTable
CREATE TABLE "factories" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "supplier_type" "SupplierType" NOT NULL,
    "capabilities" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "print_methods" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "capacity" INTEGER NOT NULL DEFAULT 0,
    "quality_rating" DECIMAL(3,2),
    "certifications" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "is_primary" BOOLEAN NOT NULL DEFAULT false,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "contact_email" TEXT,
    "integration" TEXT NOT NULL DEFAULT 'MANUAL',
    "credentials" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "factories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "factory_users" (
    "factory_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "factory_users_pkey" PRIMARY KEY ("factory_id","user_id")
);

-- CreateTable
CREATE TABLE "factory_locations" (
    "id" UUID NOT NULL,
    "factory_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "location_type" "LocationType" NOT NULL,
    "address_1" TEXT NOT NULL,
    "address_2" TEXT,
    "city" TEXT NOT NULL,
    "province" TEXT,
    "postal_code" TEXT,
    "country" CHAR(2) NOT NULL,
    "capabilities" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "capacity" INTEGER NOT NULL DEFAULT 0,
    "shipping_zones" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "factory_locations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supplier_variants" (
    "id" UUID NOT NULL,
    "factory_id" UUID NOT NULL,
    "system_variant_code" TEXT NOT NULL,
    "system_variant_id" UUID,
    "supplier_product_code" TEXT NOT NULL,
    "supplier_variant_code" TEXT NOT NULL,
    "supplier_sku" TEXT,
    "supplier_price" DECIMAL(10,2) NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "minimum_quantity" INTEGER NOT NULL DEFAULT 1,
    "lead_time" INTEGER NOT NULL DEFAULT 0,
    "is_available" BOOLEAN NOT NULL DEFAULT true,
    "print_method" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "supplier_variants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "routing_rules" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "priority" INTEGER NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "filters" JSONB NOT NULL DEFAULT '{}',
    "sort" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "fallback" "RoutingFallback" NOT NULL DEFAULT 'NEXT_RULE',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "routing_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fulfillments" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "order_code" TEXT,
    "store_id" UUID,
    "team_id" UUID,
    "buyer_user_id" UUID,
    "factory_id" UUID,
    "location_id" UUID,
    "status" "FulfillmentStatus" NOT NULL DEFAULT 'PENDING',
    "tracking_number" TEXT,
    "carrier" TEXT,
    "ship_to" JSONB,
    "shipped_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "failure_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "fulfillments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fulfillment_items" (
    "id" UUID NOT NULL,
    "fulfillment_id" UUID NOT NULL,
    "order_item_id" UUID NOT NULL,
    "product_id" UUID,
    "system_variant_id" UUID,
    "system_variant_code" TEXT,
    "design_id" UUID,
    "print_method" TEXT,
    "quantity" INTEGER NOT NULL,
    "supplier_variant_id" UUID,
    "status" "FulfillmentStatus" NOT NULL DEFAULT 'PENDING',
    "reprint_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "fulfillment_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fulfillment_holds" (
    "id" UUID NOT NULL,
    "fulfillment_id" UUID NOT NULL,
    "reason" "HoldReason" NOT NULL,
    "note" TEXT,
    "set_by_id" UUID,
    "released_at" TIMESTAMPTZ(3),
    "released_by_id" UUID,
    "released_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "fulfillment_holds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "routing_decisions" (
    "id" UUID NOT NULL,
    "fulfillment_id" UUID NOT NULL,
    "rule_id" UUID,
    "factory_id" UUID,
    "outcome" TEXT NOT NULL,
    "candidates" JSONB NOT NULL,
    "reason" TEXT,
    "decided_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "routing_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supplier_orders" (
    "id" UUID NOT NULL,
    "factory_id" UUID NOT NULL,
    "fulfillment_id" UUID,
    "order_number" TEXT NOT NULL,
    "status" "SupplierOrderStatus" NOT NULL DEFAULT 'DRAFT',
    "items" JSONB NOT NULL,
    "total" DECIMAL(10,2),
    "external_id" TEXT,
    "rejection_reason" TEXT,
    "ordered_at" TIMESTAMPTZ(3),
    "expected_at" TIMESTAMPTZ(3),
    "received_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "supplier_orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supplier_webhook_events" (
    "provider" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "supplier_webhook_events_pkey" PRIMARY KEY ("provider","event_id")
);

-- CreateTable
CREATE TABLE "productions" (
    "id" UUID NOT NULL,
    "factory_id" UUID NOT NULL,
    "batch_number" TEXT NOT NULL,
    "print_method" TEXT,
    "status" "ProductionStatus" NOT NULL DEFAULT 'PLANNED',
    "planned_at" TIMESTAMPTZ(3),
    "started_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "productions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "production_items" (
    "id" UUID NOT NULL,
    "production_id" UUID NOT NULL,
    "fulfillment_item_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "reprint_of_id" UUID,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "production_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quality_checks" (
    "id" UUID NOT NULL,
    "production_id" UUID NOT NULL,
    "production_item_id" UUID,
    "stage" "QualityCheckStage" NOT NULL,
    "result" "QualityCheckResult" NOT NULL,
    "defects" JSONB NOT NULL DEFAULT '[]',
    "inspector_id" UUID,
    "photos" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "notes" TEXT,
    "checked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quality_checks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "factory_inventory" (
    "id" UUID NOT NULL,
    "location_id" UUID NOT NULL,
    "item_code" TEXT NOT NULL,
    "type" "InventoryType" NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "factory_inventory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inventory_movements" (
    "id" UUID NOT NULL,
    "location_id" UUID NOT NULL,
    "item_code" TEXT NOT NULL,
    "type" "MovementType" NOT NULL,
    "quantity" INTEGER NOT NULL,
    "from_type" "InventoryType",
    "to_type" "InventoryType",
    "reference" TEXT,
    "actor_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inventory_movements_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "factories_code_key" ON "factories"("code");

-- CreateIndex
CREATE INDEX "factories_is_active_is_primary_idx" ON "factories"("is_active", "is_primary");

-- CreateIndex
CREATE INDEX "factory_users_user_id_idx" ON "factory_users"("user_id");

-- CreateIndex
CREATE INDEX "factory_locations_factory_id_is_default_idx" ON "factory_locations"("factory_id", "is_default");

-- CreateIndex
CREATE INDEX "supplier_variants_system_variant_code_is_available_idx" ON "supplier_variants"("system_variant_code", "is_available");

-- CreateIndex
CREATE UNIQUE INDEX "supplier_variants_factory_id_system_variant_code_key" ON "supplier_variants"("factory_id", "system_variant_code");

-- CreateIndex
CREATE INDEX "routing_rules_is_active_priority_idx" ON "routing_rules"("is_active", "priority");

-- CreateIndex
CREATE INDEX "fulfillments_order_id_idx" ON "fulfillments"("order_id");

-- CreateIndex
CREATE INDEX "fulfillments_factory_id_status_idx" ON "fulfillments"("factory_id", "status");

-- CreateIndex
CREATE INDEX "fulfillments_team_id_created_at_idx" ON "fulfillments"("team_id", "created_at");

-- CreateIndex
CREATE INDEX "fulfillment_items_fulfillment_id_idx" ON "fulfillment_items"("fulfillment_id");

-- CreateIndex
CREATE INDEX "fulfillment_items_order_item_id_idx" ON "fulfillment_items"("order_item_id");

-- CreateIndex
CREATE INDEX "fulfillment_holds_fulfillment_id_released_at_idx" ON "fulfillment_holds"("fulfillment_id", "released_at");

-- CreateIndex
CREATE INDEX "fulfillment_holds_reason_released_at_idx" ON "fulfillment_holds"("reason", "released_at");

-- CreateIndex
CREATE INDEX "routing_decisions_fulfillment_id_decided_at_idx" ON "routing_decisions"("fulfillment_id", "decided_at");

-- CreateIndex
CREATE UNIQUE INDEX "supplier_orders_order_number_key" ON "supplier_orders"("order_number");

-- CreateIndex
CREATE INDEX "supplier_orders_factory_id_status_idx" ON "supplier_orders"("factory_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "supplier_orders_factory_id_external_id_key" ON "supplier_orders"("factory_id", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "productions_batch_number_key" ON "productions"("batch_number");

-- CreateIndex
CREATE INDEX "productions_factory_id_status_idx" ON "productions"("factory_id", "status");

-- CreateIndex
CREATE INDEX "production_items_production_id_idx" ON "production_items"("production_id");

-- CreateIndex
CREATE INDEX "production_items_fulfillment_item_id_idx" ON "production_items"("fulfillment_item_id");

-- CreateIndex
CREATE INDEX "quality_checks_production_id_stage_idx" ON "quality_checks"("production_id", "stage");

-- CreateIndex
CREATE UNIQUE INDEX "factory_inventory_location_id_item_code_type_key" ON "factory_inventory"("location_id", "item_code", "type");

-- CreateIndex
CREATE INDEX "inventory_movements_location_id_item_code_created_at_idx" ON "inventory_movements"("location_id", "item_code", "created_at");

-- AddForeignKey
ALTER TABLE "factory_users" ADD CONSTRAINT "factory_users_factory_id_fkey" FOREIGN KEY ("factory_id") REFERENCES "factories"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "factory_locations" ADD CONSTRAINT "factory_locations_factory_id_fkey" FOREIGN KEY ("factory_id") REFERENCES "factories"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supplier_variants" ADD CONSTRAINT "supplier_variants_factory_id_fkey" FOREIGN KEY ("factory_id") REFERENCES "factories"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fulfillments" ADD CONSTRAINT "fulfillments_factory_id_fkey" FOREIGN KEY ("factory_id") REFERENCES "factories"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fulfillment_items" ADD CONSTRAINT "fulfillment_items_fulfillment_id_fkey" FOREIGN KEY ("fulfillment_id") REFERENCES "fulfillments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fulfillment_holds" ADD CONSTRAINT "fulfillment_holds_fulfillment_id_fkey" FOREIGN KEY ("fulfillment_id") REFERENCES "fulfillments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "routing_decisions" ADD CONSTRAINT "routing_decisions_fulfillment_id_fkey" FOREIGN KEY ("fulfillment_id") REFERENCES "fulfillments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supplier_orders" ADD CONSTRAINT "supplier_orders_factory_id_fkey" FOREIGN KEY ("factory_id") REFERENCES "factories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supplier_orders" ADD CONSTRAINT "supplier_orders_fulfillment_id_fkey" FOREIGN KEY ("fulfillment_id") REFERENCES "fulfillments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "productions" ADD CONSTRAINT "productions_factory_id_fkey" FOREIGN KEY ("factory_id") REFERENCES "factories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "production_items" ADD CONSTRAINT "production_items_production_id_fkey" FOREIGN KEY ("production_id") REFERENCES "productions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "production_items" ADD CONSTRAINT "production_items_fulfillment_item_id_fkey" FOREIGN KEY ("fulfillment_item_id") REFERENCES "fulfillment_items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quality_checks" ADD CONSTRAINT "quality_checks_production_id_fkey" FOREIGN KEY ("production_id") REFERENCES "productions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "factory_inventory" ADD CONSTRAINT "factory_inventory_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "factory_locations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inventory_movements" ADD CONSTRAINT "inventory_movements_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "factory_locations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
