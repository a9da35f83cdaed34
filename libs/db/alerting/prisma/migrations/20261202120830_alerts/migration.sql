-- CreateEnum
CREATE TYPE "AlertCategory" AS ENUM ('SYSTEM', 'SECURITY', 'BUSINESS', 'USER', 'SENSOR', 'ORDER', 'PAYMENT');

-- CreateEnum
CREATE TYPE "AlertPriority" AS ENUM ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW');

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('PENDING', 'SENT', 'ACKNOWLEDGED', 'ESCALATED', 'SNOOZED', 'SUPPRESSED', 'RESOLVED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "AlertRecipientType" AS ENUM ('USER', 'ROLE', 'TEAM');

-- CreateTable
CREATE TABLE "alert_rules" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "category" "AlertCategory" NOT NULL,
    "priority" "AlertPriority" NOT NULL,
    "event_type" TEXT NOT NULL,
    "condition" JSONB NOT NULL,
    "active_hours" JSONB,
    "cooldown_minutes" INTEGER NOT NULL DEFAULT 15,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "is_deleted" BOOLEAN NOT NULL DEFAULT false,
    "created_by" TEXT NOT NULL,
    "updated_by" TEXT,
    "device_id" TEXT,
    "sensor_id" TEXT,
    "store_id" TEXT,
    "team_id" TEXT,
    "owned_only" BOOLEAN NOT NULL DEFAULT true,
    "severity" INTEGER NOT NULL DEFAULT 5,
    "tags" TEXT[],
    "fingerprint_fields" TEXT[],
    "group_by" TEXT[],
    "group_wait_seconds" INTEGER,
    "group_interval_seconds" INTEGER,
    "repeat_interval_seconds" INTEGER,
    "escalation_policy_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_rule_recipients" (
    "id" UUID NOT NULL,
    "rule_id" UUID NOT NULL,
    "type" "AlertRecipientType" NOT NULL,
    "value" TEXT NOT NULL,
    "channels" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_rule_recipients_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alerts" (
    "id" UUID NOT NULL,
    "rule_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "category" "AlertCategory" NOT NULL,
    "priority" "AlertPriority" NOT NULL,
    "status" "AlertStatus" NOT NULL DEFAULT 'PENDING',
    "event_type" TEXT NOT NULL,
    "event_id" TEXT,
    "event_data" JSONB,
    "fingerprint" TEXT NOT NULL,
    "open_fingerprint" TEXT,
    "group_key" TEXT,
    "severity" INTEGER NOT NULL DEFAULT 5,
    "tags" TEXT[],
    "metadata" JSONB,
    "occurrence_count" INTEGER NOT NULL DEFAULT 1,
    "first_occurrence" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_occurrence" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "triggered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledged_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),
    "escalated_at" TIMESTAMPTZ(3),
    "snoozed_until" TIMESTAMPTZ(3),
    "owner_user_id" TEXT,
    "team_id" TEXT,
    "device_id" TEXT,
    "sensor_id" TEXT,
    "store_id" TEXT,
    "silence_id" UUID,
    "notified_at" TIMESTAMPTZ(3),
    "escalation_step" INTEGER NOT NULL DEFAULT 0,
    "escalation_due_at" TIMESTAMPTZ(3),
    "reminder_due_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_acknowledgments" (
    "id" UUID NOT NULL,
    "alert_id" UUID NOT NULL,
    "user_id" TEXT NOT NULL,
    "note" TEXT,
    "expires_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_acknowledgments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_groups" (
    "group_key" TEXT NOT NULL,
    "rule_id" UUID NOT NULL,
    "next_flush_at" TIMESTAMPTZ(3),
    "last_flush_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_groups_pkey" PRIMARY KEY ("group_key")
);

-- CreateTable
CREATE TABLE "alert_rule_hits" (
    "id" BIGSERIAL NOT NULL,
    "rule_id" UUID NOT NULL,
    "by_value" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_rule_hits_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_silences" (
    "id" UUID NOT NULL,
    "matchers" JSONB NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "created_by" TEXT NOT NULL,
    "team_id" TEXT,
    "owned_only" BOOLEAN NOT NULL DEFAULT true,
    "comment" TEXT NOT NULL,
    "released_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_silences_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "escalation_policies" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "steps" JSONB NOT NULL,
    "repeat" INTEGER NOT NULL DEFAULT 0,
    "created_by" TEXT NOT NULL,
    "team_id" TEXT,
    "is_deleted" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "escalation_policies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_notification_log" (
    "id" UUID NOT NULL,
    "dedup_key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "group_key" TEXT,
    "alert_ids" TEXT[],
    "recipients" JSONB NOT NULL,
    "request" JSONB NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dispatched_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,

    CONSTRAINT "alert_notification_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "alert_rules_event_type_is_active_is_deleted_idx" ON "alert_rules"("event_type", "is_active", "is_deleted");

-- CreateIndex
CREATE INDEX "alert_rules_created_by_idx" ON "alert_rules"("created_by");

-- CreateIndex
CREATE INDEX "alert_rules_team_id_idx" ON "alert_rules"("team_id");

-- CreateIndex
CREATE UNIQUE INDEX "alert_rule_recipients_rule_id_type_value_key" ON "alert_rule_recipients"("rule_id", "type", "value");

-- CreateIndex
CREATE UNIQUE INDEX "alerts_open_fingerprint_key" ON "alerts"("open_fingerprint");

-- CreateIndex
CREATE INDEX "alerts_rule_id_idx" ON "alerts"("rule_id");

-- CreateIndex
CREATE INDEX "alerts_status_idx" ON "alerts"("status");

-- CreateIndex
CREATE INDEX "alerts_priority_idx" ON "alerts"("priority");

-- CreateIndex
CREATE INDEX "alerts_fingerprint_idx" ON "alerts"("fingerprint");

-- CreateIndex
CREATE INDEX "alerts_event_type_event_id_idx" ON "alerts"("event_type", "event_id");

-- CreateIndex
CREATE INDEX "alerts_triggered_at_idx" ON "alerts"("triggered_at");

-- CreateIndex
CREATE INDEX "alerts_group_key_status_idx" ON "alerts"("group_key", "status");

-- CreateIndex
CREATE INDEX "alerts_owner_user_id_idx" ON "alerts"("owner_user_id");

-- CreateIndex
CREATE INDEX "alerts_team_id_idx" ON "alerts"("team_id");

-- CreateIndex
CREATE INDEX "alerts_escalation_due_at_idx" ON "alerts"("escalation_due_at");

-- CreateIndex
CREATE INDEX "alerts_reminder_due_at_idx" ON "alerts"("reminder_due_at");

-- CreateIndex
CREATE INDEX "alerts_snoozed_until_idx" ON "alerts"("snoozed_until");

-- CreateIndex
CREATE INDEX "alert_acknowledgments_alert_id_idx" ON "alert_acknowledgments"("alert_id");

-- CreateIndex
CREATE INDEX "alert_groups_next_flush_at_idx" ON "alert_groups"("next_flush_at");

-- CreateIndex
CREATE INDEX "alert_rule_hits_rule_id_by_value_at_idx" ON "alert_rule_hits"("rule_id", "by_value", "at");

-- CreateIndex
CREATE INDEX "alert_silences_starts_at_ends_at_idx" ON "alert_silences"("starts_at", "ends_at");

-- CreateIndex
CREATE INDEX "alert_silences_released_at_ends_at_idx" ON "alert_silences"("released_at", "ends_at");

-- CreateIndex
CREATE INDEX "escalation_policies_created_by_idx" ON "escalation_policies"("created_by");

-- CreateIndex
CREATE UNIQUE INDEX "alert_notification_log_dedup_key_key" ON "alert_notification_log"("dedup_key");

-- CreateIndex
CREATE INDEX "alert_notification_log_dispatched_at_next_attempt_at_idx" ON "alert_notification_log"("dispatched_at", "next_attempt_at");

-- CreateIndex
CREATE INDEX "alert_notification_log_group_key_idx" ON "alert_notification_log"("group_key");

-- AddForeignKey
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_escalation_policy_id_fkey" FOREIGN KEY ("escalation_policy_id") REFERENCES "escalation_policies"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_rule_recipients" ADD CONSTRAINT "alert_rule_recipients_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "alert_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "alert_rules"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_acknowledgments" ADD CONSTRAINT "alert_acknowledgments_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
