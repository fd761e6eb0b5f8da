-- AlterTable
ALTER TABLE "ConferenceMessage" ADD COLUMN     "clientMessageId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "ConferenceMessage_conferenceId_authorId_clientMessageId_key" ON "ConferenceMessage"("conferenceId", "authorId", "clientMessageId");
