-- CreateEnum
CREATE TYPE "JobType" AS ENUM ('IMPORT', 'EXPORT');

-- CreateEnum
CREATE TYPE "EntityType" AS ENUM ('PRODUCT', 'ORDER', 'USER', 'CATEGORY', 'SELLER', 'BUYER', 'TRANSACTION', 'INVENTORY');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('QUEUED', 'PROCESSING', 'COMPLETED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "JobPriority" AS ENUM ('URGENT', 'NORMAL', 'LOW');

-- CreateEnum
CREATE TYPE "FileFormat" AS ENUM ('CSV', 'EXCEL', 'JSON', 'XML');

-- CreateEnum
CREATE TYPE "ErrorType" AS ENUM ('VALIDATION', 'CONSTRAINT', 'FORMAT', 'BUSINESS_RULE');

-- CreateEnum
CREATE TYPE "ErrorSeverity" AS ENUM ('ERROR', 'WARNING');

-- AlterTable
ALTER TABLE "system_config" ADD COLUMN     "schema" JSONB,
ADD COLUMN     "updated_by" TEXT;

-- CreateTable
CREATE TABLE "rate_limit_logs" (
    "id" UUID NOT NULL,
    "identifier" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "window_end" TIMESTAMPTZ(3) NOT NULL,
    "blocked" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rate_limit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_usage_logs" (
    "id" UUID NOT NULL,
    "user_id" TEXT,
    "api_key" TEXT,
    "endpoint" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "status_code" INTEGER NOT NULL,
    "response_time" INTEGER NOT NULL,
    "request_size" INTEGER,
    "response_size" INTEGER,
    "ip_address" TEXT NOT NULL,
    "user_agent" TEXT,
    "referer" TEXT,
    "rate_limit_hit" BOOLEAN NOT NULL DEFAULT false,
    "throttled" BOOLEAN NOT NULL DEFAULT false,
    "queue_time" INTEGER,
    "metadata" JSONB,
    "timestamp" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_usage_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "search_logs" (
    "id" UUID NOT NULL,
    "query" TEXT NOT NULL,
    "index" TEXT NOT NULL,
    "results_count" INTEGER NOT NULL,
    "took" INTEGER NOT NULL,
    "filters" JSONB,
    "sort" JSONB,
    "user_id" TEXT,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "clicked_result" TEXT,
    "is_slow_query" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "search_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_export_jobs" (
    "id" TEXT NOT NULL,
    "type" "JobType" NOT NULL,
    "entity_type" "EntityType" NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'QUEUED',
    "priority" "JobPriority" NOT NULL DEFAULT 'NORMAL',
    "file_name" TEXT NOT NULL,
    "file_format" "FileFormat" NOT NULL,
    "file_size" INTEGER NOT NULL DEFAULT 0,
    "file_url" TEXT,
    "result_file_url" TEXT,
    "total_records" INTEGER NOT NULL DEFAULT 0,
    "processed_records" INTEGER NOT NULL DEFAULT 0,
    "success_count" INTEGER NOT NULL DEFAULT 0,
    "failure_count" INTEGER NOT NULL DEFAULT 0,
    "warning_count" INTEGER NOT NULL DEFAULT 0,
    "progress_percent" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "started_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "estimated_time_ms" INTEGER,
    "options" JSONB,
    "filters" JSONB,
    "failure_reason" TEXT,
    "team_id" UUID,
    "cancel_requested" BOOLEAN NOT NULL DEFAULT false,
    "heartbeat_at" TIMESTAMPTZ(3),
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "import_export_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_export_errors" (
    "id" TEXT NOT NULL,
    "job_id" TEXT NOT NULL,
    "row_number" INTEGER,
    "column_name" TEXT,
    "field_path" TEXT,
    "error_type" "ErrorType" NOT NULL,
    "severity" "ErrorSeverity" NOT NULL,
    "error_code" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "suggestion" TEXT,
    "original_value" TEXT,
    "expected_format" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "import_export_errors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_export_templates" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "entity_type" "EntityType" NOT NULL,
    "file_format" "FileFormat" NOT NULL,
    "headers" JSONB NOT NULL,
    "sample_data" JSONB NOT NULL,
    "validation" JSONB NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "import_export_templates_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "rate_limit_logs_identifier_blocked_window_start_idx" ON "rate_limit_logs"("identifier", "blocked", "window_start");

-- CreateIndex
CREATE INDEX "rate_limit_logs_identifier_window_start_window_end_idx" ON "rate_limit_logs"("identifier", "window_start", "window_end");

-- CreateIndex
CREATE INDEX "rate_limit_logs_endpoint_blocked_window_start_idx" ON "rate_limit_logs"("endpoint", "blocked", "window_start");

-- CreateIndex
CREATE UNIQUE INDEX "rate_limit_logs_identifier_endpoint_window_start_key" ON "rate_limit_logs"("identifier", "endpoint", "window_start");

-- CreateIndex
CREATE INDEX "api_usage_logs_user_id_timestamp_idx" ON "api_usage_logs"("user_id", "timestamp");

-- CreateIndex
CREATE INDEX "api_usage_logs_endpoint_timestamp_idx" ON "api_usage_logs"("endpoint", "timestamp");

-- CreateIndex
CREATE INDEX "api_usage_logs_api_key_idx" ON "api_usage_logs"("api_key");

-- CreateIndex
CREATE INDEX "api_usage_logs_timestamp_idx" ON "api_usage_logs"("timestamp");

-- CreateIndex
CREATE INDEX "search_logs_query_idx" ON "search_logs"("query");

-- CreateIndex
CREATE INDEX "search_logs_created_at_idx" ON "search_logs"("created_at");

-- CreateIndex
CREATE INDEX "search_logs_is_slow_query_took_idx" ON "search_logs"("is_slow_query", "took");

-- CreateIndex
CREATE INDEX "search_logs_user_id_created_at_idx" ON "search_logs"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "search_logs_index_created_at_idx" ON "search_logs"("index", "created_at");

-- CreateIndex
CREATE INDEX "import_export_jobs_status_created_at_idx" ON "import_export_jobs"("status", "created_at");

-- CreateIndex
CREATE INDEX "import_export_jobs_entity_type_type_idx" ON "import_export_jobs"("entity_type", "type");

-- CreateIndex
CREATE INDEX "import_export_jobs_created_by_idx" ON "import_export_jobs"("created_by");

-- CreateIndex
CREATE INDEX "import_export_jobs_status_priority_created_at_idx" ON "import_export_jobs"("status", "priority", "created_at");

-- CreateIndex
CREATE INDEX "import_export_errors_job_id_severity_idx" ON "import_export_errors"("job_id", "severity");

-- CreateIndex
CREATE INDEX "import_export_templates_entity_type_file_format_idx" ON "import_export_templates"("entity_type", "file_format");

-- AddForeignKey
ALTER TABLE "import_export_errors" ADD CONSTRAINT "import_export_errors_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "import_export_jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
