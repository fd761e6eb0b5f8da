-- AlterTable
ALTER TABLE "Conference" ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "cancelledById" UUID;
