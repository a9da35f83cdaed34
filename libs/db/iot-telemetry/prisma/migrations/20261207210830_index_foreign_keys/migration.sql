-- CreateIndex
CREATE INDEX "idx_sensor_alerts_sensor_id" ON "sensor_alerts"("sensor_id");

-- CreateIndex
CREATE INDEX "idx_sensor_thresholds_device_id" ON "sensor_thresholds"("device_id");
