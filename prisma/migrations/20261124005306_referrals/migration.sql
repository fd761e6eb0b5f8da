-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('DRAFT', 'REQUESTED', 'ACCEPTED', 'REJECTED', 'ON_HOLD', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'CANCELLED', 'ENTERED_IN_ERROR');

-- CreateEnum
CREATE TYPE "ReferralPriority" AS ENUM ('ROUTINE', 'URGENT', 'ASAP', 'STAT');

-- CreateEnum
CREATE TYPE "ReferralReason" AS ENUM ('NOT_ELIGIBLE', 'NO_CAPACITY', 'NOT_A_GOOD_FIT', 'COULD_NOT_CONTACT', 'CLIENT_DECLINED', 'OTHER');

-- CreateEnum
CREATE TYPE "ReferralOutcome" AS ENUM ('GOT_HELP', 'COULD_NOT_GET_HELP', 'REFERRED_ELSEWHERE', 'OTHER');

-- CreateEnum
CREATE TYPE "ReferralEventKind" AS ENUM ('STATUS', 'COMMENT', 'REMINDER');

-- CreateEnum
CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- AlterTable
ALTER TABLE "Coalition" ADD COLUMN     "referralAcceptDays" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "referralUpdateDays" INTEGER NOT NULL DEFAULT 7;

-- CreateTable
CREATE TABLE "Referral" (
    "id" UUID NOT NULL,
    "coalitionId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "senderOrganizationId" UUID NOT NULL,
    "senderUserId" UUID NOT NULL,
    "recipientOrganizationId" UUID NOT NULL,
    "serviceId" UUID,
    "assetId" UUID,
    "sdohCodes" TEXT[],
    "priority" "ReferralPriority" NOT NULL DEFAULT 'ROUTINE',
    "noteCipher" TEXT,
    "keyId" TEXT NOT NULL,
    "categories" "ConsentCategory"[],
    "status" "ReferralStatus" NOT NULL,
    "statusReason" "ReferralReason",
    "statusReasonText" TEXT,
    "outcome" "ReferralOutcome",
    "outcomeText" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "idempotencyKey" TEXT NOT NULL,
    "capacityStatus" "CapacityStatus",
    "capacityConfirmedAt" TIMESTAMP(3),
    "fitWarnings" JSONB NOT NULL DEFAULT '[]',
    "sentAt" TIMESTAMP(3),
    "respondedAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "lastReceiverUpdateAt" TIMESTAMP(3),
    "acceptReminderAt" TIMESTAMP(3),
    "updateReminderAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferralEvent" (
    "id" UUID NOT NULL,
    "referralId" UUID NOT NULL,
    "kind" "ReferralEventKind" NOT NULL,
    "fromStatus" "ReferralStatus",
    "toStatus" "ReferralStatus",
    "reason" "ReferralReason",
    "text" TEXT,
    "outcome" "ReferralOutcome",
    "bodyCipher" TEXT,
    "actorUserId" UUID,
    "organizationId" UUID,
    "version" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferralEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "secretCipher" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" UUID NOT NULL,
    "endpointId" UUID NOT NULL,
    "event" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Referral_recipientOrganizationId_status_sentAt_idx" ON "Referral"("recipientOrganizationId", "status", "sentAt");

-- CreateIndex
CREATE INDEX "Referral_senderOrganizationId_status_updatedAt_idx" ON "Referral"("senderOrganizationId", "status", "updatedAt");

-- CreateIndex
CREATE INDEX "Referral_coalitionId_sentAt_idx" ON "Referral"("coalitionId", "sentAt");

-- CreateIndex
CREATE INDEX "Referral_clientId_idx" ON "Referral"("clientId");

-- CreateIndex
CREATE UNIQUE INDEX "Referral_senderOrganizationId_idempotencyKey_key" ON "Referral"("senderOrganizationId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "ReferralEvent_referralId_createdAt_idx" ON "ReferralEvent"("referralId", "createdAt");

-- CreateIndex
CREATE INDEX "WebhookEndpoint_organizationId_idx" ON "WebhookEndpoint"("organizationId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_createdAt_idx" ON "WebhookDelivery"("endpointId", "createdAt");

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_senderOrganizationId_fkey" FOREIGN KEY ("senderOrganizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_recipientOrganizationId_fkey" FOREIGN KEY ("recipientOrganizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "DirectoryService"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralEvent" ADD CONSTRAINT "ReferralEvent_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookEndpoint" ADD CONSTRAINT "WebhookEndpoint_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;
