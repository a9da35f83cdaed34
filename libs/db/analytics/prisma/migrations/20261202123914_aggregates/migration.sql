-- CreateEnum
CREATE TYPE "MetricType" AS ENUM ('TOTAL_REVENUE', 'TOTAL_ORDERS', 'AVERAGE_ORDER_VALUE', 'CONVERSION_RATE', 'RETURN_RATE', 'CUSTOMER_LIFETIME_VALUE', 'TOP_PRODUCTS', 'TOP_CUSTOMERS', 'DEVICE_READINGS', 'DEVICE_UPTIME', 'DEVICE_ALERTS');

-- AlterTable
ALTER TABLE "analytics_event" ADD COLUMN     "source_event_id" TEXT;

-- CreateTable
CREATE TABLE "analytics_aggregate_hourly" (
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "source" TEXT NOT NULL,
    "store_id" TEXT NOT NULL DEFAULT '',
    "team_id" TEXT NOT NULL DEFAULT '',
    "channel" TEXT NOT NULL DEFAULT '',
    "product_id" TEXT NOT NULL DEFAULT '',
    "category" TEXT NOT NULL DEFAULT '',
    "device_id" TEXT NOT NULL DEFAULT '',
    "customer_id" TEXT NOT NULL DEFAULT '',
    "count" BIGINT NOT NULL DEFAULT 0,
    "amount" DECIMAL(20,2) NOT NULL DEFAULT 0,
    "quantity" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "analytics_aggregate_hourly_pkey" PRIMARY KEY ("bucket","source","store_id","team_id","channel","product_id","category","device_id","customer_id")
);

-- CreateTable
CREATE TABLE "analytics_aggregate_daily" (
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "source" TEXT NOT NULL,
    "store_id" TEXT NOT NULL DEFAULT '',
    "team_id" TEXT NOT NULL DEFAULT '',
    "channel" TEXT NOT NULL DEFAULT '',
    "product_id" TEXT NOT NULL DEFAULT '',
    "category" TEXT NOT NULL DEFAULT '',
    "device_id" TEXT NOT NULL DEFAULT '',
    "customer_id" TEXT NOT NULL DEFAULT '',
    "count" BIGINT NOT NULL DEFAULT 0,
    "amount" DECIMAL(20,2) NOT NULL DEFAULT 0,
    "quantity" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "analytics_aggregate_daily_pkey" PRIMARY KEY ("bucket","source","store_id","team_id","channel","product_id","category","device_id","customer_id")
);

-- CreateTable
CREATE TABLE "analytics_store" (
    "store_id" TEXT NOT NULL,
    "team_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "analytics_store_pkey" PRIMARY KEY ("store_id")
);

-- CreateTable
CREATE TABLE "analytics_product" (
    "product_id" TEXT NOT NULL,
    "store_id" TEXT,
    "category" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "analytics_product_pkey" PRIMARY KEY ("product_id")
);

-- CreateTable
CREATE TABLE "analytics_device" (
    "device_id" TEXT NOT NULL,
    "owner_id" TEXT,
    "offline_since" TIMESTAMPTZ(3),
    "last_online_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "analytics_device_pkey" PRIMARY KEY ("device_id")
);

-- CreateTable
CREATE TABLE "analytics_payment_refund" (
    "payment_id" TEXT NOT NULL,
    "refunded_amount" DECIMAL(20,2) NOT NULL,

    CONSTRAINT "analytics_payment_refund_pkey" PRIMARY KEY ("payment_id")
);

-- CreateTable
CREATE TABLE "analytics_cache" (
    "id" UUID NOT NULL,
    "cache_key" TEXT NOT NULL,
    "metric_type" "MetricType" NOT NULL,
    "dimensions" JSONB NOT NULL,
    "value" JSONB NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "period_end" TIMESTAMPTZ(3) NOT NULL,
    "calculated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ttl" INTEGER NOT NULL,

    CONSTRAINT "analytics_cache_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "analytics_aggregate_hourly_source_bucket_idx" ON "analytics_aggregate_hourly"("source", "bucket");

-- CreateIndex
CREATE INDEX "analytics_aggregate_daily_source_bucket_idx" ON "analytics_aggregate_daily"("source", "bucket");

-- CreateIndex
CREATE INDEX "analytics_store_team_id_idx" ON "analytics_store"("team_id");

-- CreateIndex
CREATE INDEX "analytics_device_owner_id_idx" ON "analytics_device"("owner_id");

-- CreateIndex
CREATE UNIQUE INDEX "analytics_cache_cache_key_key" ON "analytics_cache"("cache_key");

-- CreateIndex
CREATE INDEX "analytics_cache_period_start_period_end_idx" ON "analytics_cache"("period_start", "period_end");

-- CreateIndex
CREATE UNIQUE INDEX "analytics_event_source_event_id_key" ON "analytics_event"("source_event_id");
