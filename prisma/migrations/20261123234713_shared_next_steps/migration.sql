-- Next steps from case conferences and from the partnership workspace become one kind of item.
-- Existing (conference) steps take their coalition from their conference before the column is
-- made required.

-- CreateEnum
CREATE TYPE "NextStepSource" AS ENUM ('CONFERENCE', 'PARTNERSHIP');

-- AlterTable
ALTER TABLE "NextStep" ADD COLUMN     "aboutOrganizationId" UUID,
ADD COLUMN     "coalitionId" UUID,
ADD COLUMN     "source" "NextStepSource" NOT NULL DEFAULT 'CONFERENCE',
ALTER COLUMN "conferenceId" DROP NOT NULL;

UPDATE "NextStep" SET "coalitionId" = c."coalitionId" FROM "Conference" c WHERE c."id" = "NextStep"."conferenceId";

ALTER TABLE "NextStep" ALTER COLUMN "coalitionId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "NextStep_coalitionId_doneAt_idx" ON "NextStep"("coalitionId", "doneAt");
-- AddForeignKey
ALTER TABLE "NextStep" ADD CONSTRAINT "NextStep_aboutOrganizationId_fkey" FOREIGN KEY ("aboutOrganizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;
