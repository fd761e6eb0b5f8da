-- DropIndex
DROP INDEX "CareContact_keyId_idx";

-- CreateTable
CREATE TABLE "ServicePathway" (
    "id" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "forWhomEn" TEXT NOT NULL DEFAULT '',
    "forWhomEs" TEXT NOT NULL DEFAULT '',
    "notForEn" TEXT NOT NULL DEFAULT '',
    "notForEs" TEXT NOT NULL DEFAULT '',
    "whatToSendEn" TEXT NOT NULL DEFAULT '',
    "whatToSendEs" TEXT NOT NULL DEFAULT '',
    "responseDays" INTEGER NOT NULL DEFAULT 7,
    "contactName" TEXT NOT NULL,
    "contactPhone" TEXT,
    "contactEmail" TEXT,
    "publishedAt" TIMESTAMP(3),
    "updatedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServicePathway_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PracticeReferralLink" (
    "id" UUID NOT NULL,
    "pathwayId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "practiceName" TEXT NOT NULL,
    "practiceEmail" TEXT,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedById" UUID,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PracticeReferralLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExternalReferral" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "pathwayId" UUID NOT NULL,
    "linkId" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "status" "ReferralStatus" NOT NULL DEFAULT 'REQUESTED',
    "statusReason" "ReferralReason",
    "statusReasonText" TEXT,
    "clientNameCipher" TEXT NOT NULL,
    "birthDateCipher" TEXT NOT NULL,
    "contactCipher" TEXT NOT NULL,
    "reasonCipher" TEXT NOT NULL,
    "sdohCode" TEXT NOT NULL,
    "providerName" TEXT NOT NULL,
    "providerPhone" TEXT NOT NULL,
    "attestedAt" TIMESTAMP(3) NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
    "keyId" TEXT NOT NULL,
    "clientId" UUID,
    "authorizationId" UUID,
    "matchedById" UUID,
    "respondedAt" TIMESTAMP(3),
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExternalReferral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PathwaySubmitAttempt" (
    "id" UUID NOT NULL,
    "linkId" UUID,
    "addressKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PathwaySubmitAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ServicePathway_serviceId_key" ON "ServicePathway"("serviceId");

-- CreateIndex
CREATE UNIQUE INDEX "ServicePathway_slug_key" ON "ServicePathway"("slug");

-- CreateIndex
CREATE INDEX "ServicePathway_organizationId_idx" ON "ServicePathway"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "PracticeReferralLink_tokenHash_key" ON "PracticeReferralLink"("tokenHash");

-- CreateIndex
CREATE INDEX "PracticeReferralLink_organizationId_pathwayId_idx" ON "PracticeReferralLink"("organizationId", "pathwayId");

-- CreateIndex
CREATE UNIQUE INDEX "ExternalReferral_reference_key" ON "ExternalReferral"("reference");

-- CreateIndex
CREATE INDEX "ExternalReferral_organizationId_status_receivedAt_idx" ON "ExternalReferral"("organizationId", "status", "receivedAt");

-- CreateIndex
CREATE INDEX "ExternalReferral_linkId_receivedAt_idx" ON "ExternalReferral"("linkId", "receivedAt");

-- CreateIndex
CREATE INDEX "ExternalReferral_keyId_idx" ON "ExternalReferral"("keyId");

-- CreateIndex
CREATE INDEX "PathwaySubmitAttempt_linkId_createdAt_idx" ON "PathwaySubmitAttempt"("linkId", "createdAt");

-- CreateIndex
CREATE INDEX "PathwaySubmitAttempt_addressKey_createdAt_idx" ON "PathwaySubmitAttempt"("addressKey", "createdAt");

-- AddForeignKey
ALTER TABLE "PracticeReferralLink" ADD CONSTRAINT "PracticeReferralLink_pathwayId_fkey" FOREIGN KEY ("pathwayId") REFERENCES "ServicePathway"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalReferral" ADD CONSTRAINT "ExternalReferral_pathwayId_fkey" FOREIGN KEY ("pathwayId") REFERENCES "ServicePathway"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalReferral" ADD CONSTRAINT "ExternalReferral_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "PracticeReferralLink"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
