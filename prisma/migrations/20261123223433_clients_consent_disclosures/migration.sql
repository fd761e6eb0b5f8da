-- CreateEnum
CREATE TYPE "ConsentCategory" AS ENUM ('CONTACT_DEMOGRAPHICS', 'SOCIAL_NEEDS', 'CARE_PLAN', 'BEHAVIORAL_HEALTH', 'HIV_STI', 'SUD_PART2', 'CLINICAL_SUMMARY');

-- CreateEnum
CREATE TYPE "AuthorizationForm" AS ENUM ('GENERAL', 'PART2');

-- CreateEnum
CREATE TYPE "SignatureMethod" AS ENUM ('DRAWN', 'TYPED');

-- CreateEnum
CREATE TYPE "SignerKind" AS ENUM ('CLIENT', 'REPRESENTATIVE');

-- CreateEnum
CREATE TYPE "RevocationChannel" AS ENUM ('IN_PERSON_WRITTEN', 'MAIL', 'EMAIL', 'FAX', 'OTHER_WRITTEN');

-- CreateTable
CREATE TABLE "Client" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "primaryCareManagerId" UUID,
    "nameCipher" TEXT NOT NULL,
    "birthDateCipher" TEXT NOT NULL,
    "contactCipher" TEXT,
    "addressCipher" TEXT,
    "notesCipher" TEXT,
    "preferredLanguage" TEXT NOT NULL DEFAULT 'en',
    "identityIndex" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Client_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsentAuthorization" (
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "form" "AuthorizationForm" NOT NULL,
    "categories" "ConsentCategory"[],
    "purpose" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "effectiveAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "expirationEvent" TEXT,
    "statements" JSONB NOT NULL,
    "signerKind" "SignerKind" NOT NULL,
    "signatureMethod" "SignatureMethod" NOT NULL,
    "signatureCipher" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL,
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "revocationReceivedVia" "RevocationChannel",
    "revokedById" UUID,

    CONSTRAINT "ConsentAuthorization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthorizationRecipient" (
    "authorizationId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,

    CONSTRAINT "AuthorizationRecipient_pkey" PRIMARY KEY ("authorizationId","organizationId")
);

-- CreateTable
CREATE TABLE "Disclosure" (
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "authorizationIds" UUID[],
    "sourceOrganizationId" UUID NOT NULL,
    "recipientOrganizationId" UUID NOT NULL,
    "categories" "ConsentCategory"[],
    "channel" TEXT NOT NULL,
    "purpose" TEXT,
    "actorUserId" UUID,
    "apiKeyId" UUID,
    "disclosedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Disclosure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Client_organizationId_identityIndex_idx" ON "Client"("organizationId", "identityIndex");

-- CreateIndex
CREATE INDEX "Client_keyId_idx" ON "Client"("keyId");

-- CreateIndex
CREATE INDEX "ConsentAuthorization_clientId_idx" ON "ConsentAuthorization"("clientId");

-- CreateIndex
CREATE INDEX "ConsentAuthorization_organizationId_idx" ON "ConsentAuthorization"("organizationId");

-- CreateIndex
CREATE INDEX "ConsentAuthorization_keyId_idx" ON "ConsentAuthorization"("keyId");

-- CreateIndex
CREATE INDEX "AuthorizationRecipient_organizationId_idx" ON "AuthorizationRecipient"("organizationId");

-- CreateIndex
CREATE INDEX "Disclosure_clientId_disclosedAt_idx" ON "Disclosure"("clientId", "disclosedAt");

-- CreateIndex
CREATE INDEX "Disclosure_recipientOrganizationId_idx" ON "Disclosure"("recipientOrganizationId");

-- AddForeignKey
ALTER TABLE "Client" ADD CONSTRAINT "Client_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentAuthorization" ADD CONSTRAINT "ConsentAuthorization_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentAuthorization" ADD CONSTRAINT "ConsentAuthorization_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthorizationRecipient" ADD CONSTRAINT "AuthorizationRecipient_authorizationId_fkey" FOREIGN KEY ("authorizationId") REFERENCES "ConsentAuthorization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthorizationRecipient" ADD CONSTRAINT "AuthorizationRecipient_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disclosure" ADD CONSTRAINT "Disclosure_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disclosure" ADD CONSTRAINT "Disclosure_sourceOrganizationId_fkey" FOREIGN KEY ("sourceOrganizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disclosure" ADD CONSTRAINT "Disclosure_recipientOrganizationId_fkey" FOREIGN KEY ("recipientOrganizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
