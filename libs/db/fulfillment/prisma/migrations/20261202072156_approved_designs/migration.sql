-- CreateTable
CREATE TABLE "approved_designs" (
    "design_id" UUID NOT NULL,
    "approved_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "approved_designs_pkey" PRIMARY KEY ("design_id")
);
