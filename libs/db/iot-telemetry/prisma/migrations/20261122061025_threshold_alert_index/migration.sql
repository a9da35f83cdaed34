-- CreateIndex
CREATE INDEX "sensor_alerts_threshold_id_triggered_at_idx" ON "sensor_alerts"("threshold_id", "triggered_at" DESC);
