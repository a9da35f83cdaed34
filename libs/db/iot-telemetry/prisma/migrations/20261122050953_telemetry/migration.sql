-- CreateEnum
CREATE TYPE "DeviceType" AS ENUM ('MUSHROOM_CHAMBER', 'ENVIRONMENTAL_SENSOR', 'IRRIGATION_SYSTEM', 'HVAC_CONTROLLER', 'CAMERA', 'pH_SENSOR', 'HUMIDITY_CONTROLLER');

-- CreateEnum
CREATE TYPE "DeviceStatus" AS ENUM ('ONLINE', 'OFFLINE', 'MAINTENANCE', 'ERROR');

-- CreateEnum
CREATE TYPE "DeviceHealthStatus" AS ENUM ('HEALTHY', 'WARNING', 'CRITICAL', 'OFFLINE', 'MAINTENANCE');

-- CreateEnum
CREATE TYPE "ThresholdOperator" AS ENUM ('ABOVE', 'BELOW');

-- CreateTable
CREATE TABLE "devices" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "type" "DeviceType" NOT NULL,
    "serial_number" TEXT NOT NULL,
    "status" "DeviceStatus" NOT NULL DEFAULT 'OFFLINE',
    "user_id" UUID,
    "location" TEXT,
    "description" TEXT,
    "firmware" TEXT,
    "ip_address" TEXT,
    "mac_address" TEXT,
    "last_seen" TIMESTAMPTZ(3),
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "heartbeat_timeout_seconds" INTEGER NOT NULL DEFAULT 120,
    "credential_hash" TEXT NOT NULL,
    "credential_prefix" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "devices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sensors" (
    "id" UUID NOT NULL,
    "device_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "min_value" DOUBLE PRECISION,
    "max_value" DOUBLE PRECISION,
    "calibration" JSONB,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sensors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sensor_data" (
    "id" UUID NOT NULL,
    "device_id" UUID NOT NULL,
    "sensor_id" UUID,
    "user_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "unit" TEXT NOT NULL,
    "quality" TEXT,
    "timestamp" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sensor_data_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "device_commands" (
    "id" UUID NOT NULL,
    "device_id" UUID NOT NULL,
    "command" TEXT NOT NULL,
    "parameters" JSONB,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "response" JSONB,
    "requested_by" UUID,
    "transport" TEXT,
    "timeout_seconds" INTEGER NOT NULL DEFAULT 30,
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledged_at" TIMESTAMPTZ(3),

    CONSTRAINT "device_commands_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "device_health" (
    "id" UUID NOT NULL,
    "device_id" UUID NOT NULL,
    "timestamp" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "DeviceHealthStatus" NOT NULL,
    "cpu_usage" DOUBLE PRECISION,
    "memory_usage" DOUBLE PRECISION,
    "disk_usage" DOUBLE PRECISION,
    "temperature" DOUBLE PRECISION,
    "battery_level" DOUBLE PRECISION,
    "network_latency" INTEGER,
    "uptime" INTEGER,
    "error_count" INTEGER NOT NULL DEFAULT 0,
    "metadata" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "device_health_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sensor_alerts" (
    "id" UUID NOT NULL,
    "device_id" UUID,
    "sensor_id" UUID,
    "threshold_id" UUID,
    "type" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "threshold" JSONB,
    "value" DOUBLE PRECISION,
    "triggered_at" TIMESTAMPTZ(3),
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "is_resolved" BOOLEAN NOT NULL DEFAULT false,
    "resolved_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sensor_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sensor_thresholds" (
    "id" UUID NOT NULL,
    "sensor_id" UUID NOT NULL,
    "device_id" UUID NOT NULL,
    "name" TEXT,
    "operator" "ThresholdOperator" NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "duration_seconds" INTEGER NOT NULL DEFAULT 0,
    "hysteresis" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "severity" TEXT NOT NULL DEFAULT 'WARNING',
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "breach_started_at" TIMESTAMPTZ(3),
    "active_alert_id" UUID,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sensor_thresholds_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "devices_serial_number_key" ON "devices"("serial_number");

-- CreateIndex
CREATE INDEX "devices_user_id_status_is_active_idx" ON "devices"("user_id", "status", "is_active");

-- CreateIndex
CREATE INDEX "devices_status_last_seen_idx" ON "devices"("status", "last_seen" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "sensors_device_id_name_key" ON "sensors"("device_id", "name");

-- CreateIndex
CREATE INDEX "sensor_data_timestamp_idx" ON "sensor_data" USING BRIN ("timestamp");

-- CreateIndex
CREATE UNIQUE INDEX "sensor_data_sensor_id_timestamp_key" ON "sensor_data"("sensor_id", "timestamp");

-- CreateIndex
CREATE INDEX "device_commands_device_id_sent_at_idx" ON "device_commands"("device_id", "sent_at" DESC);

-- CreateIndex
CREATE INDEX "device_commands_status_sent_at_idx" ON "device_commands"("status", "sent_at");

-- CreateIndex
CREATE INDEX "device_health_device_id_timestamp_idx" ON "device_health"("device_id", "timestamp" DESC);

-- CreateIndex
CREATE INDEX "device_health_status_idx" ON "device_health"("status");

-- CreateIndex
CREATE INDEX "sensor_alerts_device_id_created_at_idx" ON "sensor_alerts"("device_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "sensor_alerts_is_resolved_created_at_idx" ON "sensor_alerts"("is_resolved", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "sensor_thresholds_active_alert_id_key" ON "sensor_thresholds"("active_alert_id");

-- CreateIndex
CREATE INDEX "sensor_thresholds_sensor_id_idx" ON "sensor_thresholds"("sensor_id");

-- AddForeignKey
ALTER TABLE "sensors" ADD CONSTRAINT "sensors_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "device_commands" ADD CONSTRAINT "device_commands_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "device_health" ADD CONSTRAINT "device_health_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sensor_alerts" ADD CONSTRAINT "sensor_alerts_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sensor_alerts" ADD CONSTRAINT "sensor_alerts_sensor_id_fkey" FOREIGN KEY ("sensor_id") REFERENCES "sensors"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sensor_alerts" ADD CONSTRAINT "sensor_alerts_threshold_id_fkey" FOREIGN KEY ("threshold_id") REFERENCES "sensor_thresholds"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sensor_thresholds" ADD CONSTRAINT "sensor_thresholds_sensor_id_fkey" FOREIGN KEY ("sensor_id") REFERENCES "sensors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sensor_thresholds" ADD CONSTRAINT "sensor_thresholds_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE CASCADE ON UPDATE CASCADE;
