-- CreateEnum
CREATE TYPE "ReportType" AS ENUM ('SALES', 'INVENTORY', 'FULFILLMENT', 'CUSTOMER', 'FINANCIAL', 'REVENUE', 'USERS', 'PRODUCTS', 'ORDERS', 'DEVICES', 'CUSTOM');

-- CreateEnum
CREATE TYPE "ReportFormat" AS ENUM ('PDF', 'EXCEL', 'CSV', 'JSON');

-- CreateEnum
CREATE TYPE "ExecutionStatus" AS ENUM ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "SubscriptionFrequency" AS ENUM ('DAILY', 'WEEKLY', 'MONTHLY', 'REAL_TIME');

-- CreateEnum
CREATE TYPE "ReportChannel" AS ENUM ('EMAIL', 'SMS', 'PUSH', 'IN_APP');

-- CreateTable
CREATE TABLE "reports" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "type" "ReportType" NOT NULL,
    "format" "ReportFormat" NOT NULL DEFAULT 'PDF',
    "configuration" JSONB NOT NULL,
    "schedule" JSONB,
    "recipients" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "team_id" UUID,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_by" TEXT NOT NULL,
    "next_run_at" TIMESTAMPTZ(3),
    "last_run_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_executions" (
    "id" UUID NOT NULL,
    "report_id" UUID NOT NULL,
    "status" "ExecutionStatus" NOT NULL DEFAULT 'PENDING',
    "format" "ReportFormat" NOT NULL,
    "scheduled_for" TIMESTAMPTZ(3),
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),
    "duration" INTEGER,
    "row_count" INTEGER,
    "result_data" JSONB,
    "result_url" TEXT,
    "result_size" BIGINT,
    "error_message" TEXT,
    "executed_by" TEXT,
    "cancel_requested" BOOLEAN NOT NULL DEFAULT false,
    "heartbeat_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "report_executions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_subscriptions" (
    "id" UUID NOT NULL,
    "report_id" UUID NOT NULL,
    "user_id" TEXT NOT NULL,
    "channel" "ReportChannel" NOT NULL,
    "frequency" "SubscriptionFrequency" NOT NULL,
    "email" TEXT,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "last_sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "report_subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "reports_type_idx" ON "reports"("type");

-- CreateIndex
CREATE INDEX "reports_created_by_idx" ON "reports"("created_by");

-- CreateIndex
CREATE INDEX "reports_is_active_type_idx" ON "reports"("is_active", "type");

-- CreateIndex
CREATE INDEX "reports_is_active_next_run_at_idx" ON "reports"("is_active", "next_run_at");

-- CreateIndex
CREATE INDEX "reports_team_id_idx" ON "reports"("team_id");

-- CreateIndex
CREATE INDEX "report_executions_report_id_idx" ON "report_executions"("report_id");

-- CreateIndex
CREATE INDEX "report_executions_status_idx" ON "report_executions"("status");

-- CreateIndex
CREATE INDEX "report_executions_started_at_idx" ON "report_executions"("started_at");

-- CreateIndex
CREATE INDEX "report_executions_report_id_status_idx" ON "report_executions"("report_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "report_executions_report_id_scheduled_for_key" ON "report_executions"("report_id", "scheduled_for");

-- CreateIndex
CREATE INDEX "report_subscriptions_report_id_idx" ON "report_subscriptions"("report_id");

-- CreateIndex
CREATE INDEX "report_subscriptions_user_id_idx" ON "report_subscriptions"("user_id");

-- CreateIndex
CREATE INDEX "report_subscriptions_is_active_frequency_idx" ON "report_subscriptions"("is_active", "frequency");

-- CreateIndex
CREATE UNIQUE INDEX "report_subscriptions_report_id_user_id_channel_key" ON "report_subscriptions"("report_id", "user_id", "channel");

-- AddForeignKey
ALTER TABLE "report_executions" ADD CONSTRAINT "report_executions_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_subscriptions" ADD CONSTRAINT "report_subscriptions_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;
