-- CreateEnum
CREATE TYPE "LocationPlacement" AS ENUM ('EXACT', 'GEOCODED', 'APPROXIMATE', 'UNPLACED', 'CORRECTED');

-- AlterTable
ALTER TABLE "Asset" ADD COLUMN     "approximate" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "DirectoryLocation" ADD COLUMN     "placement" "LocationPlacement" NOT NULL DEFAULT 'EXACT',
ALTER COLUMN "latitude" DROP NOT NULL,
ALTER COLUMN "longitude" DROP NOT NULL;

-- AlterTable
ALTER TABLE "DirectoryPhone" ADD COLUMN     "contactId" UUID;

-- AlterTable
ALTER TABLE "DirectoryService" ADD COLUMN     "importFingerprint" TEXT,
ADD COLUMN     "requiredDocuments" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "serviceAreas" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "DirectoryContact" (
    "id" UUID NOT NULL,
    "serviceId" UUID,
    "locationId" UUID,
    "name" TEXT,
    "title" TEXT,
    "department" TEXT,
    "email" TEXT,
    "externalId" TEXT,

    CONSTRAINT "DirectoryContact_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DirectoryContact_serviceId_idx" ON "DirectoryContact"("serviceId");

-- CreateIndex
CREATE INDEX "DirectoryContact_locationId_idx" ON "DirectoryContact"("locationId");

-- CreateIndex
CREATE INDEX "DirectoryPhone_contactId_idx" ON "DirectoryPhone"("contactId");

-- AddForeignKey
ALTER TABLE "DirectoryContact" ADD CONSTRAINT "DirectoryContact_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "DirectoryService"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectoryContact" ADD CONSTRAINT "DirectoryContact_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "DirectoryLocation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectoryPhone" ADD CONSTRAINT "DirectoryPhone_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "DirectoryContact"("id") ON DELETE CASCADE ON UPDATE CASCADE;
