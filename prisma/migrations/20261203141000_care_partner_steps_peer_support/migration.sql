-- ADR 101: a partner marks its next step done (with an encrypted note); a step can link a peer support group.

-- AlterTable
ALTER TABLE "CareStep" ADD COLUMN     "assetId" UUID,
ADD COLUMN     "doneByOrganizationId" UUID,
ADD COLUMN     "doneNoteCipher" TEXT;

-- CreateIndex
CREATE INDEX "CareStep_assetId_idx" ON "CareStep"("assetId");

-- AddForeignKey
ALTER TABLE "CareStep" ADD CONSTRAINT "CareStep_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written (ADR 101): a peer support group is a step the client takes; a note only on a done step.
ALTER TABLE "CareStep" ADD CONSTRAINT "CareStep_asset_when_client" CHECK ("assetId" IS NULL OR "owner" = 'CLIENT');
ALTER TABLE "CareStep" ADD CONSTRAINT "CareStep_note_when_done" CHECK ("doneNoteCipher" IS NULL OR "doneAt" IS NOT NULL);
