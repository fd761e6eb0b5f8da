-- CreateEnum
CREATE TYPE "AssetKind" AS ENUM ('SERVICE_LOCATION', 'INFORMAL_GROUP', 'TRUSTED_PERSON', 'PLACE');

-- CreateEnum
CREATE TYPE "RecordVisibility" AS ENUM ('PUBLIC', 'COALITION');

-- CreateEnum
CREATE TYPE "CapacityStatus" AS ENUM ('CAPACITY', 'NO_CAPACITY', 'WAITLIST', 'ADDITIONAL_ASSESSMENT_REQUIRED');

-- CreateEnum
CREATE TYPE "DirectoryServiceStatus" AS ENUM ('ACTIVE', 'INACTIVE', 'DEFUNCT', 'TEMPORARILY_CLOSED');

-- CreateTable
CREATE TABLE "DirectoryService" (
    "id" UUID NOT NULL,
    "coalitionId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "alternateName" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "url" TEXT,
    "email" TEXT,
    "status" "DirectoryServiceStatus" NOT NULL DEFAULT 'ACTIVE',
    "eligibilityDescription" TEXT,
    "minimumAge" INTEGER,
    "maximumAge" INTEGER,
    "feesDescription" TEXT,
    "free" BOOLEAN NOT NULL DEFAULT false,
    "applicationProcess" TEXT,
    "languages" TEXT[],
    "sdohCodes" TEXT[],
    "visibility" "RecordVisibility" NOT NULL DEFAULT 'PUBLIC',
    "capacityStatus" "CapacityStatus",
    "capacityAvailable" INTEGER,
    "capacityMaximum" INTEGER,
    "capacityUnit" TEXT,
    "capacityUpdatedAt" TIMESTAMP(3),
    "lastConfirmedAt" TIMESTAMP(3),
    "externalId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "DirectoryService_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DirectoryLocation" (
    "id" UUID NOT NULL,
    "coalitionId" UUID NOT NULL,
    "organizationId" UUID,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "locationType" TEXT NOT NULL DEFAULT 'physical',
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "address1" TEXT,
    "city" TEXT,
    "stateProvince" TEXT,
    "postalCode" TEXT,
    "transportation" TEXT,
    "visibility" "RecordVisibility" NOT NULL DEFAULT 'PUBLIC',
    "externalId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "DirectoryLocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceAtLocation" (
    "id" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "locationId" UUID NOT NULL,
    "externalId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceAtLocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DirectorySchedule" (
    "id" UUID NOT NULL,
    "serviceId" UUID,
    "locationId" UUID,
    "serviceAtLocationId" UUID,
    "freq" TEXT NOT NULL DEFAULT 'WEEKLY',
    "byday" TEXT NOT NULL DEFAULT '',
    "bymonthday" TEXT,
    "opensAt" TEXT,
    "closesAt" TEXT,
    "timezone" TEXT,
    "validFrom" TIMESTAMP(3),
    "validTo" TIMESTAMP(3),
    "description" TEXT,
    "externalId" TEXT,

    CONSTRAINT "DirectorySchedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DirectoryPhone" (
    "id" UUID NOT NULL,
    "serviceId" UUID,
    "locationId" UUID,
    "number" TEXT NOT NULL,
    "extension" TEXT,
    "type" TEXT,
    "description" TEXT,

    CONSTRAINT "DirectoryPhone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Asset" (
    "id" UUID NOT NULL,
    "coalitionId" UUID NOT NULL,
    "organizationId" UUID,
    "kind" "AssetKind" NOT NULL,
    "visibility" "RecordVisibility" NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "address" TEXT,
    "postalCode" TEXT,
    "phone" TEXT,
    "url" TEXT,
    "sdohCodes" TEXT[],
    "languages" TEXT[],
    "free" BOOLEAN NOT NULL DEFAULT false,
    "eligibility" TEXT,
    "minimumAge" INTEGER,
    "maximumAge" INTEGER,
    "capacityStatus" "CapacityStatus",
    "capacityAvailable" INTEGER,
    "capacityMaximum" INTEGER,
    "capacityUnit" TEXT,
    "capacityUpdatedAt" TIMESTAMP(3),
    "lastConfirmedAt" TIMESTAMP(3),
    "schedules" JSONB NOT NULL DEFAULT '[]',
    "timeZone" TEXT NOT NULL DEFAULT 'America/Denver',
    "searchText" TEXT NOT NULL DEFAULT '',
    "serviceId" UUID,
    "locationId" UUID,
    "serviceAtLocationId" UUID,
    "vouchedByUserId" UUID,
    "vouchedByName" TEXT,
    "vouchedByOrganization" TEXT,
    "vouchNote" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Asset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganizationSdohArea" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrganizationSdohArea_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DirectoryService_coalitionId_updatedAt_idx" ON "DirectoryService"("coalitionId", "updatedAt");

-- CreateIndex
CREATE INDEX "DirectoryService_organizationId_idx" ON "DirectoryService"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "DirectoryService_coalitionId_externalId_key" ON "DirectoryService"("coalitionId", "externalId");

-- CreateIndex
CREATE INDEX "DirectoryLocation_organizationId_idx" ON "DirectoryLocation"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "DirectoryLocation_coalitionId_externalId_key" ON "DirectoryLocation"("coalitionId", "externalId");

-- CreateIndex
CREATE INDEX "ServiceAtLocation_locationId_idx" ON "ServiceAtLocation"("locationId");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceAtLocation_serviceId_locationId_key" ON "ServiceAtLocation"("serviceId", "locationId");

-- CreateIndex
CREATE INDEX "DirectorySchedule_serviceId_idx" ON "DirectorySchedule"("serviceId");

-- CreateIndex
CREATE INDEX "DirectorySchedule_locationId_idx" ON "DirectorySchedule"("locationId");

-- CreateIndex
CREATE INDEX "DirectorySchedule_serviceAtLocationId_idx" ON "DirectorySchedule"("serviceAtLocationId");

-- CreateIndex
CREATE INDEX "DirectoryPhone_serviceId_idx" ON "DirectoryPhone"("serviceId");

-- CreateIndex
CREATE INDEX "DirectoryPhone_locationId_idx" ON "DirectoryPhone"("locationId");

-- CreateIndex
CREATE UNIQUE INDEX "Asset_serviceAtLocationId_key" ON "Asset"("serviceAtLocationId");

-- CreateIndex
CREATE INDEX "Asset_coalitionId_longitude_latitude_idx" ON "Asset"("coalitionId", "longitude", "latitude");

-- CreateIndex
CREATE INDEX "Asset_serviceId_idx" ON "Asset"("serviceId");

-- CreateIndex
CREATE INDEX "Asset_locationId_idx" ON "Asset"("locationId");

-- CreateIndex
CREATE UNIQUE INDEX "OrganizationSdohArea_organizationId_code_key" ON "OrganizationSdohArea"("organizationId", "code");

-- AddForeignKey
ALTER TABLE "DirectoryService" ADD CONSTRAINT "DirectoryService_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectoryLocation" ADD CONSTRAINT "DirectoryLocation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceAtLocation" ADD CONSTRAINT "ServiceAtLocation_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "DirectoryService"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceAtLocation" ADD CONSTRAINT "ServiceAtLocation_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "DirectoryLocation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectorySchedule" ADD CONSTRAINT "DirectorySchedule_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "DirectoryService"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectorySchedule" ADD CONSTRAINT "DirectorySchedule_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "DirectoryLocation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectorySchedule" ADD CONSTRAINT "DirectorySchedule_serviceAtLocationId_fkey" FOREIGN KEY ("serviceAtLocationId") REFERENCES "ServiceAtLocation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectoryPhone" ADD CONSTRAINT "DirectoryPhone_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "DirectoryService"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectoryPhone" ADD CONSTRAINT "DirectoryPhone_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "DirectoryLocation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Asset" ADD CONSTRAINT "Asset_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Asset" ADD CONSTRAINT "Asset_serviceAtLocationId_fkey" FOREIGN KEY ("serviceAtLocationId") REFERENCES "ServiceAtLocation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationSdohArea" ADD CONSTRAINT "OrganizationSdohArea_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
