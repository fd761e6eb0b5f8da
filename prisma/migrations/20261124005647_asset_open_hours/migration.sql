-- AlterTable
ALTER TABLE "Asset" ADD COLUMN     "hoursExact" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "openAxis" int4multirange;
