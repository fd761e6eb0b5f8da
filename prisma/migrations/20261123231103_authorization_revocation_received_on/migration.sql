-- AlterTable
ALTER TABLE "ConsentAuthorization" ADD COLUMN     "revocationReceivedOn" DATE;
