-- AlterTable
ALTER TABLE "ConferenceMessage" ADD COLUMN     "hiddenAt" TIMESTAMP(3),
ADD COLUMN     "hiddenByName" TEXT;
