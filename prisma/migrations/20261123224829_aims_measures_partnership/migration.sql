-- CreateEnum
CREATE TYPE "MeasureType" AS ENUM ('OUTCOME', 'PROCESS', 'BALANCING');

-- CreateEnum
CREATE TYPE "MeasureDirection" AS ENUM ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER');

-- CreateEnum
CREATE TYPE "MeasureFrequency" AS ENUM ('WEEKLY', 'MONTHLY', 'QUARTERLY');

-- CreateEnum
CREATE TYPE "MeasureAggregation" AS ENUM ('SUM', 'MEAN');

-- CreateEnum
CREATE TYPE "MeasureSource" AS ENUM ('ENTERED', 'IMPORTED', 'COMPUTED');

-- CreateEnum
CREATE TYPE "RelationshipStage" AS ENUM ('IDENTIFIED', 'CONTACTED', 'FIRST_MEETING', 'EARLY_COLLABORATION', 'FORMAL_AGREEMENT', 'COALITION_MEMBER');

-- CreateEnum
CREATE TYPE "AgreementKind" AS ENUM ('DATA_SHARING', 'BAA', 'MOU', 'OTHER');

-- CreateEnum
CREATE TYPE "SupportLevel" AS ENUM ('STRONG_OPPOSITION', 'OPPOSITION', 'NEUTRAL', 'SUPPORT', 'STRONG_SUPPORT');

-- CreateEnum
CREATE TYPE "InfluenceLevel" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "DecisionMethod" AS ENUM ('CONSENSUS', 'VOTE', 'TIE_BREAKER', 'COMMITTEE');

-- CreateTable
CREATE TABLE "Measure" (
    "id" UUID NOT NULL,
    "coalitionId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "type" "MeasureType" NOT NULL,
    "unit" TEXT NOT NULL,
    "direction" "MeasureDirection" NOT NULL,
    "frequency" "MeasureFrequency" NOT NULL,
    "source" "MeasureSource" NOT NULL,
    "aggregation" "MeasureAggregation" NOT NULL DEFAULT 'SUM',
    "computedKey" TEXT,
    "baselinePoints" INTEGER NOT NULL DEFAULT 12,
    "rebaselinedAt" TIMESTAMP(3),
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "Measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeasureReporter" (
    "measureId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,

    CONSTRAINT "MeasureReporter_pkey" PRIMARY KEY ("measureId","organizationId")
);

-- CreateTable
CREATE TABLE "MeasureValue" (
    "id" UUID NOT NULL,
    "measureId" UUID NOT NULL,
    "organizationId" UUID,
    "scope" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "enteredById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeasureValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeasureAnnotation" (
    "id" UUID NOT NULL,
    "measureId" UUID NOT NULL,
    "periodStart" DATE NOT NULL,
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeasureAnnotation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Aim" (
    "id" UUID NOT NULL,
    "coalitionId" UUID NOT NULL,
    "statement" TEXT NOT NULL,
    "population" TEXT NOT NULL,
    "measureId" UUID NOT NULL,
    "baselineValue" DOUBLE PRECISION NOT NULL,
    "baselineDate" DATE NOT NULL,
    "targetValue" DOUBLE PRECISION NOT NULL,
    "targetDate" DATE NOT NULL,
    "domains" TEXT[],
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "Aim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AimContributor" (
    "aimId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,

    CONSTRAINT "AimContributor_pkey" PRIMARY KEY ("aimId","organizationId")
);

-- CreateTable
CREATE TABLE "Win" (
    "id" UUID NOT NULL,
    "coalitionId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "story" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Win_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerRelationship" (
    "id" UUID NOT NULL,
    "coalitionId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "stage" "RelationshipStage" NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PartnerRelationship_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerAgreement" (
    "id" UUID NOT NULL,
    "coalitionId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "kind" "AgreementKind" NOT NULL,
    "signedOn" DATE,
    "renewsOn" DATE,
    "notes" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "PartnerAgreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StakeholderAnalysis" (
    "id" UUID NOT NULL,
    "coalitionId" UUID NOT NULL,
    "heldOn" DATE NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StakeholderAnalysis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StakeholderEntry" (
    "id" UUID NOT NULL,
    "analysisId" UUID NOT NULL,
    "group" TEXT NOT NULL,
    "support" "SupportLevel" NOT NULL,
    "influence" "InfluenceLevel" NOT NULL,
    "actionSteps" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "StakeholderEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoalitionDecision" (
    "id" UUID NOT NULL,
    "coalitionId" UUID NOT NULL,
    "decision" TEXT NOT NULL,
    "method" "DecisionMethod" NOT NULL,
    "decidedOn" DATE NOT NULL,
    "present" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoalitionDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Measure_coalitionId_name_key" ON "Measure"("coalitionId", "name");

-- CreateIndex
CREATE INDEX "MeasureReporter_organizationId_idx" ON "MeasureReporter"("organizationId");

-- CreateIndex
CREATE INDEX "MeasureValue_measureId_periodStart_idx" ON "MeasureValue"("measureId", "periodStart");

-- CreateIndex
CREATE UNIQUE INDEX "MeasureValue_measureId_scope_periodStart_key" ON "MeasureValue"("measureId", "scope", "periodStart");

-- CreateIndex
CREATE INDEX "MeasureAnnotation_measureId_idx" ON "MeasureAnnotation"("measureId");

-- CreateIndex
CREATE INDEX "Aim_coalitionId_idx" ON "Aim"("coalitionId");

-- CreateIndex
CREATE INDEX "Win_coalitionId_createdAt_idx" ON "Win"("coalitionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerRelationship_organizationId_key" ON "PartnerRelationship"("organizationId");

-- CreateIndex
CREATE INDEX "PartnerAgreement_coalitionId_renewsOn_idx" ON "PartnerAgreement"("coalitionId", "renewsOn");

-- CreateIndex
CREATE INDEX "StakeholderAnalysis_coalitionId_heldOn_idx" ON "StakeholderAnalysis"("coalitionId", "heldOn");

-- CreateIndex
CREATE INDEX "CoalitionDecision_coalitionId_decidedOn_idx" ON "CoalitionDecision"("coalitionId", "decidedOn");

-- AddForeignKey
ALTER TABLE "MeasureReporter" ADD CONSTRAINT "MeasureReporter_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureReporter" ADD CONSTRAINT "MeasureReporter_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureValue" ADD CONSTRAINT "MeasureValue_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureValue" ADD CONSTRAINT "MeasureValue_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureAnnotation" ADD CONSTRAINT "MeasureAnnotation_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Aim" ADD CONSTRAINT "Aim_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AimContributor" ADD CONSTRAINT "AimContributor_aimId_fkey" FOREIGN KEY ("aimId") REFERENCES "Aim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AimContributor" ADD CONSTRAINT "AimContributor_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Win" ADD CONSTRAINT "Win_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerRelationship" ADD CONSTRAINT "PartnerRelationship_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerAgreement" ADD CONSTRAINT "PartnerAgreement_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StakeholderEntry" ADD CONSTRAINT "StakeholderEntry_analysisId_fkey" FOREIGN KEY ("analysisId") REFERENCES "StakeholderAnalysis"("id") ON DELETE CASCADE ON UPDATE CASCADE;
