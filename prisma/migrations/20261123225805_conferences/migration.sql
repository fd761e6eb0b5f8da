-- CreateEnum
CREATE TYPE "ConferenceStatus" AS ENUM ('SCHEDULED', 'LIVE', 'ENDED');

-- CreateTable
CREATE TABLE "Conference" (
    "id" UUID NOT NULL,
    "coalitionId" UUID NOT NULL,
    "hostOrganizationId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "agenda" TEXT NOT NULL DEFAULT '',
    "startsAt" TIMESTAMP(3) NOT NULL,
    "status" "ConferenceStatus" NOT NULL DEFAULT 'SCHEDULED',
    "wholeCoalition" BOOLEAN NOT NULL DEFAULT false,
    "lastMessageSeq" INTEGER NOT NULL DEFAULT 0,
    "endedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Conference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConferenceInvitation" (
    "conferenceId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConferenceInvitation_pkey" PRIMARY KEY ("conferenceId","organizationId")
);

-- CreateTable
CREATE TABLE "Vignette" (
    "id" UUID NOT NULL,
    "conferenceId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "authorName" TEXT NOT NULL,
    "authorOrganizationId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "situation" TEXT NOT NULL DEFAULT '',
    "strengths" TEXT NOT NULL DEFAULT '',
    "needs" TEXT NOT NULL DEFAULT '',
    "tried" TEXT NOT NULL DEFAULT '',
    "question" TEXT NOT NULL DEFAULT '',
    "sdohCategories" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "sharedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Vignette_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VignetteDismissal" (
    "id" UUID NOT NULL,
    "vignetteId" UUID NOT NULL,
    "field" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "dismissedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VignetteDismissal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConferenceMessage" (
    "id" UUID NOT NULL,
    "conferenceId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "vignetteId" UUID,
    "authorId" UUID NOT NULL,
    "authorName" TEXT NOT NULL,
    "organizationId" UUID NOT NULL,
    "organizationName" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConferenceMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NextStep" (
    "id" UUID NOT NULL,
    "conferenceId" UUID NOT NULL,
    "vignetteId" UUID,
    "what" TEXT NOT NULL,
    "ownerName" TEXT NOT NULL,
    "ownerOrganizationId" UUID NOT NULL,
    "dueDate" DATE NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMP(3),
    "doneById" UUID,

    CONSTRAINT "NextStep_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Conference_coalitionId_startsAt_idx" ON "Conference"("coalitionId", "startsAt");

-- CreateIndex
CREATE INDEX "Conference_hostOrganizationId_idx" ON "Conference"("hostOrganizationId");

-- CreateIndex
CREATE INDEX "ConferenceInvitation_organizationId_idx" ON "ConferenceInvitation"("organizationId");

-- CreateIndex
CREATE INDEX "Vignette_conferenceId_idx" ON "Vignette"("conferenceId");

-- CreateIndex
CREATE UNIQUE INDEX "VignetteDismissal_vignetteId_field_type_text_key" ON "VignetteDismissal"("vignetteId", "field", "type", "text");

-- CreateIndex
CREATE UNIQUE INDEX "ConferenceMessage_conferenceId_seq_key" ON "ConferenceMessage"("conferenceId", "seq");

-- CreateIndex
CREATE INDEX "NextStep_ownerOrganizationId_doneAt_dueDate_idx" ON "NextStep"("ownerOrganizationId", "doneAt", "dueDate");

-- CreateIndex
CREATE INDEX "NextStep_conferenceId_idx" ON "NextStep"("conferenceId");

-- AddForeignKey
ALTER TABLE "Conference" ADD CONSTRAINT "Conference_hostOrganizationId_fkey" FOREIGN KEY ("hostOrganizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConferenceInvitation" ADD CONSTRAINT "ConferenceInvitation_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConferenceInvitation" ADD CONSTRAINT "ConferenceInvitation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vignette" ADD CONSTRAINT "Vignette_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VignetteDismissal" ADD CONSTRAINT "VignetteDismissal_vignetteId_fkey" FOREIGN KEY ("vignetteId") REFERENCES "Vignette"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConferenceMessage" ADD CONSTRAINT "ConferenceMessage_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConferenceMessage" ADD CONSTRAINT "ConferenceMessage_vignetteId_fkey" FOREIGN KEY ("vignetteId") REFERENCES "Vignette"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NextStep" ADD CONSTRAINT "NextStep_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NextStep" ADD CONSTRAINT "NextStep_vignetteId_fkey" FOREIGN KEY ("vignetteId") REFERENCES "Vignette"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NextStep" ADD CONSTRAINT "NextStep_ownerOrganizationId_fkey" FOREIGN KEY ("ownerOrganizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
