-- CreateIndex
CREATE INDEX "idx_tracking_events_leg_id" ON "tracking_events"("leg_id");
