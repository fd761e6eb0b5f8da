-- CreateEnum
CREATE TYPE "CareLevel" AS ENUM ('HIGH', 'MEDIUM', 'LOW');

-- CreateEnum
CREATE TYPE "CareContactKind" AS ENUM ('VISIT', 'CALL', 'TEXT', 'HOME_VISIT', 'HOSPITAL', 'VIDEO', 'OTHER');

-- AlterTable
ALTER TABLE "CarePlan" ADD COLUMN     "lastContactOn" DATE,
ADD COLUMN     "level" "CareLevel" NOT NULL DEFAULT 'MEDIUM';

-- AlterTable
ALTER TABLE "Coalition" ADD COLUMN     "careHighContactDays" INTEGER NOT NULL DEFAULT 7,
ADD COLUMN     "careLowContactDays" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "careMediumContactDays" INTEGER NOT NULL DEFAULT 14;

-- CreateTable
CREATE TABLE "CareLevelChange" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "fromLevel" "CareLevel" NOT NULL,
    "toLevel" "CareLevel" NOT NULL,
    "changedById" UUID NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CareLevelChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CareContact" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "kind" "CareContactKind" NOT NULL,
    "contactedOn" DATE NOT NULL,
    "noteCipher" TEXT,
    "keyId" TEXT NOT NULL,
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CareContact_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CareLevelChange_planId_changedAt_idx" ON "CareLevelChange"("planId", "changedAt");

-- CreateIndex
CREATE INDEX "CareContact_planId_contactedOn_idx" ON "CareContact"("planId", "contactedOn");

-- CreateIndex
CREATE INDEX "CareContact_keyId_idx" ON "CareContact"("keyId");

-- AddForeignKey
ALTER TABLE "CareLevelChange" ADD CONSTRAINT "CareLevelChange_planId_fkey" FOREIGN KEY ("planId") REFERENCES "CarePlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareContact" ADD CONSTRAINT "CareContact_planId_fkey" FOREIGN KEY ("planId") REFERENCES "CarePlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: the bounds the service keeps, kept by the database too (ADR 097).
-- A contact cadence is 1 to 365 days.
ALTER TABLE "Coalition" ADD CONSTRAINT "Coalition_care_contact_days_bounded" CHECK (
  "careHighContactDays" BETWEEN 1 AND 365 AND "careMediumContactDays" BETWEEN 1 AND 365 AND "careLowContactDays" BETWEEN 1 AND 365);
-- A level change changes the level.
ALTER TABLE "CareLevelChange" ADD CONSTRAINT "CareLevelChange_changes" CHECK ("fromLevel" <> "toLevel");
