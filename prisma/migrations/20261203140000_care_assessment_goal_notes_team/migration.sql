-- CreateEnum
CREATE TYPE "CareAssessmentSection" AS ENUM ('STRENGTHS', 'NEEDS_ECONOMIC_STABILITY', 'NEEDS_EDUCATION', 'NEEDS_HEALTH_CARE', 'NEEDS_NEIGHBORHOOD', 'NEEDS_SOCIAL_COMMUNITY', 'WHAT_MATTERS');

-- CreateEnum
CREATE TYPE "CareGoalEntryKind" AS ENUM ('INTERVENTION', 'PROGRESS_NOTE');

-- CreateTable
CREATE TABLE "CareAssessmentEntry" (
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "enrollmentId" UUID NOT NULL,
    "section" "CareAssessmentSection" NOT NULL,
    "sdohCodes" TEXT[],
    "textCipher" TEXT,
    "completedOn" DATE NOT NULL,
    "keyId" TEXT NOT NULL,
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CareAssessmentEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CareGoalEntry" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "goalId" UUID NOT NULL,
    "kind" "CareGoalEntryKind" NOT NULL,
    "textCipher" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "writtenById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CareGoalEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CareTeamMember" (
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "memberOrganizationId" UUID NOT NULL,
    "nameCipher" TEXT NOT NULL,
    "roleCipher" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "addedById" UUID NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),
    "removedById" UUID,

    CONSTRAINT "CareTeamMember_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CareAssessmentEntry_enrollmentId_section_createdAt_idx" ON "CareAssessmentEntry"("enrollmentId", "section", "createdAt");

-- CreateIndex
CREATE INDEX "CareAssessmentEntry_keyId_idx" ON "CareAssessmentEntry"("keyId");

-- CreateIndex
CREATE INDEX "CareGoalEntry_goalId_kind_createdAt_idx" ON "CareGoalEntry"("goalId", "kind", "createdAt");

-- CreateIndex
CREATE INDEX "CareGoalEntry_planId_idx" ON "CareGoalEntry"("planId");

-- CreateIndex
CREATE INDEX "CareGoalEntry_keyId_idx" ON "CareGoalEntry"("keyId");

-- CreateIndex
CREATE INDEX "CareTeamMember_clientId_removedAt_idx" ON "CareTeamMember"("clientId", "removedAt");

-- CreateIndex
CREATE INDEX "CareTeamMember_keyId_idx" ON "CareTeamMember"("keyId");

-- AddForeignKey
ALTER TABLE "CareAssessmentEntry" ADD CONSTRAINT "CareAssessmentEntry_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareAssessmentEntry" ADD CONSTRAINT "CareAssessmentEntry_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareGoalEntry" ADD CONSTRAINT "CareGoalEntry_planId_fkey" FOREIGN KEY ("planId") REFERENCES "CarePlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareGoalEntry" ADD CONSTRAINT "CareGoalEntry_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "CareGoal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareTeamMember" ADD CONSTRAINT "CareTeamMember_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (ADR 100): who removed a care-team member is kept with when.
ALTER TABLE "CareTeamMember" ADD CONSTRAINT "CareTeamMember_removed_by" CHECK (("removedAt" IS NULL) = ("removedById" IS NULL));
-- Strengths and what matters carry words, not codes; a needs section's codes are Gravity codes (checked by the form's schema).
ALTER TABLE "CareAssessmentEntry" ADD CONSTRAINT "CareAssessmentEntry_codes_only_on_needs" CHECK ("section" NOT IN ('STRENGTHS', 'WHAT_MATTERS') OR cardinality(coalesce("sdohCodes", '{}')) = 0);
