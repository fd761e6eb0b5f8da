-- AlterTable
ALTER TABLE "Vignette" ADD COLUMN     "withdrawnAt" TIMESTAMP(3),
ADD COLUMN     "withdrawnByName" TEXT;
