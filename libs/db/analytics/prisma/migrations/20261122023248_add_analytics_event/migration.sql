-- CreateTable
CREATE TABLE "analytics_event" (
    "id" UUID NOT NULL,
    "event_type" TEXT NOT NULL,
    "entity_type" TEXT,
    "entity_id" TEXT,
    "metadata" JSONB,
    "user_id" TEXT,
    "timestamp" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "analytics_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "analytics_event_event_type_timestamp_idx" ON "analytics_event"("event_type", "timestamp");

-- CreateIndex
CREATE INDEX "analytics_event_entity_type_entity_id_idx" ON "analytics_event"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "analytics_event_user_id_timestamp_idx" ON "analytics_event"("user_id", "timestamp");
