-- CreateIndex
CREATE INDEX "idx_alert_rules_escalation_policy_id" ON "alert_rules"("escalation_policy_id");

-- CreateIndex
CREATE INDEX "idx_notifications_template_id" ON "notifications"("templateId");
