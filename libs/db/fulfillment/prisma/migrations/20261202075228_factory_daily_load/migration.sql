-- CreateTable
CREATE TABLE "factory_daily_load" (
    "factory_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "units" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "factory_daily_load_pkey" PRIMARY KEY ("factory_id","day")
);

-- AddForeignKey
ALTER TABLE "factory_daily_load" ADD CONSTRAINT "factory_daily_load_factory_id_fkey" FOREIGN KEY ("factory_id") REFERENCES "factories"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: the units of every routed, non-FAILED fulfillment, on the UTC day of its last ROUTED decision
-- (its creation day when it has none), as the per-row sum routing used to compute.
INSERT INTO "factory_daily_load" ("factory_id", "day", "units")
SELECT fu.factory_id,
       (COALESCE((SELECT MAX(d.decided_at) FROM routing_decisions d WHERE d.fulfillment_id = fu.id AND d.outcome = 'ROUTED'),
                 fu.created_at) AT TIME ZONE 'UTC')::date,
       SUM(fi.quantity)::int
FROM fulfillments fu JOIN fulfillment_items fi ON fi.fulfillment_id = fu.id
WHERE fu.factory_id IS NOT NULL AND fu.status <> 'FAILED'
GROUP BY 1, 2;
