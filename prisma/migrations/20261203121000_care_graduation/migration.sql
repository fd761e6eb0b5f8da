-- CreateTable
CREATE TABLE "GraduationReadiness" (
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "enrollmentId" UUID NOT NULL,
    "goalsMet" BOOLEAN NOT NULL,
    "selfManagement" BOOLEAN NOT NULL,
    "stableLevel" BOOLEAN NOT NULL,
    "noteCipher" TEXT,
    "keyId" TEXT NOT NULL,
    "recordedOn" DATE NOT NULL,
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GraduationReadiness_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Graduation" (
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "enrollmentId" UUID NOT NULL,
    "graduatedOn" DATE NOT NULL,
    "goalsAchievedCipher" TEXT NOT NULL,
    "whatContinuesCipher" TEXT NOT NULL,
    "whoToCallCipher" TEXT NOT NULL,
    "practiceOrganizationId" UUID,
    "referralId" UUID,
    "authorizationIds" UUID[],
    "keyId" TEXT NOT NULL,
    "graduatedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Graduation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GraduationReadiness_enrollmentId_createdAt_idx" ON "GraduationReadiness"("enrollmentId", "createdAt");

-- CreateIndex
CREATE INDEX "GraduationReadiness_organizationId_createdAt_idx" ON "GraduationReadiness"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "GraduationReadiness_keyId_idx" ON "GraduationReadiness"("keyId");

-- CreateIndex
CREATE UNIQUE INDEX "Graduation_enrollmentId_key" ON "Graduation"("enrollmentId");

-- CreateIndex
CREATE INDEX "Graduation_clientId_graduatedOn_idx" ON "Graduation"("clientId", "graduatedOn");

-- CreateIndex
CREATE INDEX "Graduation_organizationId_graduatedOn_idx" ON "Graduation"("organizationId", "graduatedOn");

-- CreateIndex
CREATE INDEX "Graduation_keyId_idx" ON "Graduation"("keyId");

-- AddForeignKey
ALTER TABLE "GraduationReadiness" ADD CONSTRAINT "GraduationReadiness_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GraduationReadiness" ADD CONSTRAINT "GraduationReadiness_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Graduation" ADD CONSTRAINT "Graduation_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Graduation" ADD CONSTRAINT "Graduation_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (ADR 098): a summary goes to a practice only when one is named.
ALTER TABLE "Graduation" ADD CONSTRAINT "Graduation_referral_needs_practice" CHECK ("referralId" IS NULL OR "practiceOrganizationId" IS NOT NULL);
