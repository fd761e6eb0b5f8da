-- CreateTable
CREATE TABLE "MissedIdentifier" (
    "id" UUID NOT NULL,
    "coalitionId" UUID NOT NULL,
    "conferenceId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "vignetteId" UUID,
    "messageSeq" INTEGER,
    "type" TEXT NOT NULL,
    "tokens" TEXT[],
    "reportedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MissedIdentifier_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MissedIdentifier_organizationId_idx" ON "MissedIdentifier"("organizationId");

-- CreateIndex
CREATE INDEX "MissedIdentifier_coalitionId_createdAt_idx" ON "MissedIdentifier"("coalitionId", "createdAt");
