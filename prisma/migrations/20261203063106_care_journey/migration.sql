-- CreateEnum
CREATE TYPE "EnrollmentStatus" AS ENUM ('ENROLLED', 'NOT_A_GOOD_FIT', 'DECLINED_FOR_NOW', 'GRADUATED');

-- CreateEnum
CREATE TYPE "GoalStatus" AS ENUM ('ACTIVE', 'ACHIEVED', 'CHANGED', 'SET_ASIDE');

-- CreateEnum
CREATE TYPE "CareStepOwner" AS ENUM ('CLIENT', 'CARE_MANAGER', 'PARTNER');

-- CreateTable
CREATE TABLE "Enrollment" (
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "program" TEXT NOT NULL,
    "status" "EnrollmentStatus" NOT NULL,
    "current" BOOLEAN NOT NULL DEFAULT true,
    "reachOutOn" DATE,
    "decidedOn" DATE NOT NULL,
    "enrolledOn" DATE,
    "graduatedOn" DATE,
    "noteCipher" TEXT,
    "keyId" TEXT NOT NULL,
    "decidedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Enrollment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CareManagerAssignment" (
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),
    "handoffNoteCipher" TEXT,
    "keyId" TEXT NOT NULL,
    "assignedById" UUID NOT NULL,

    CONSTRAINT "CareManagerAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CarePlan" (
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "lastReviewedOn" DATE,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CarePlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CareGoal" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "textCipher" TEXT NOT NULL,
    "priority" INTEGER NOT NULL,
    "status" "GoalStatus" NOT NULL DEFAULT 'ACTIVE',
    "statusNoteCipher" TEXT,
    "statusChangedOn" DATE,
    "replacedById" UUID,
    "keyId" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CareGoal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CareStep" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "goalId" UUID NOT NULL,
    "textCipher" TEXT NOT NULL,
    "owner" "CareStepOwner" NOT NULL,
    "partnerOrganizationId" UUID,
    "dueOn" DATE NOT NULL,
    "doneAt" TIMESTAMP(3),
    "doneById" UUID,
    "keyId" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CareStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanReview" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "reviewedOn" DATE NOT NULL,
    "noteCipher" TEXT,
    "keyId" TEXT NOT NULL,
    "reviewedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Enrollment_clientId_current_idx" ON "Enrollment"("clientId", "current");

-- CreateIndex
CREATE INDEX "Enrollment_organizationId_current_status_reachOutOn_idx" ON "Enrollment"("organizationId", "current", "status", "reachOutOn");

-- CreateIndex
CREATE INDEX "Enrollment_keyId_idx" ON "Enrollment"("keyId");

-- CreateIndex
CREATE INDEX "CareManagerAssignment_clientId_startedAt_idx" ON "CareManagerAssignment"("clientId", "startedAt");

-- CreateIndex
CREATE INDEX "CareManagerAssignment_userId_endedAt_idx" ON "CareManagerAssignment"("userId", "endedAt");

-- CreateIndex
CREATE INDEX "CareManagerAssignment_keyId_idx" ON "CareManagerAssignment"("keyId");

-- CreateIndex
CREATE UNIQUE INDEX "CarePlan_clientId_key" ON "CarePlan"("clientId");

-- CreateIndex
CREATE INDEX "CarePlan_organizationId_lastReviewedOn_idx" ON "CarePlan"("organizationId", "lastReviewedOn");

-- CreateIndex
CREATE INDEX "CareGoal_planId_status_priority_idx" ON "CareGoal"("planId", "status", "priority");

-- CreateIndex
CREATE INDEX "CareGoal_keyId_idx" ON "CareGoal"("keyId");

-- CreateIndex
CREATE INDEX "CareStep_planId_doneAt_dueOn_idx" ON "CareStep"("planId", "doneAt", "dueOn");

-- CreateIndex
CREATE INDEX "CareStep_partnerOrganizationId_doneAt_dueOn_idx" ON "CareStep"("partnerOrganizationId", "doneAt", "dueOn");

-- CreateIndex
CREATE INDEX "CareStep_goalId_idx" ON "CareStep"("goalId");

-- CreateIndex
CREATE INDEX "CareStep_keyId_idx" ON "CareStep"("keyId");

-- CreateIndex
CREATE INDEX "PlanReview_planId_reviewedOn_idx" ON "PlanReview"("planId", "reviewedOn");

-- CreateIndex
CREATE INDEX "PlanReview_keyId_idx" ON "PlanReview"("keyId");

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareManagerAssignment" ADD CONSTRAINT "CareManagerAssignment_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CarePlan" ADD CONSTRAINT "CarePlan_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareGoal" ADD CONSTRAINT "CareGoal_planId_fkey" FOREIGN KEY ("planId") REFERENCES "CarePlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareStep" ADD CONSTRAINT "CareStep_planId_fkey" FOREIGN KEY ("planId") REFERENCES "CarePlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareStep" ADD CONSTRAINT "CareStep_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "CareGoal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanReview" ADD CONSTRAINT "PlanReview_planId_fkey" FOREIGN KEY ("planId") REFERENCES "CarePlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: the rules the service keeps, kept by the database too (ADR 096).
-- At most one current enrollment decision per client and organization.
CREATE UNIQUE INDEX "Enrollment_one_current" ON "Enrollment"("clientId", "organizationId") WHERE "current";
-- At most one primary care manager at a time.
CREATE UNIQUE INDEX "CareManagerAssignment_one_open" ON "CareManagerAssignment"("clientId") WHERE "endedAt" IS NULL;
-- A declined-for-now decision carries the day to reach out again; a priority is 1 or more.
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_reach_out_when_declined" CHECK (("status" = 'DECLINED_FOR_NOW') = ("reachOutOn" IS NOT NULL));
ALTER TABLE "CareGoal" ADD CONSTRAINT "CareGoal_priority_positive" CHECK ("priority" >= 1);
ALTER TABLE "CareStep" ADD CONSTRAINT "CareStep_partner_when_partner" CHECK (("owner" = 'PARTNER') = ("partnerOrganizationId" IS NOT NULL));
