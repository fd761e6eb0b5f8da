-- Optional second reader (issue #19, ADR 093): a coalition may require a colleague in the author's
-- organization to approve a vignette before it is shared; the approval belongs to the text approved.
ALTER TABLE "Coalition" ADD COLUMN "requireSecondReader" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "Vignette" ADD COLUMN "approvedAt" TIMESTAMP(3),
ADD COLUMN "approvedById" UUID,
ADD COLUMN "approvedByName" TEXT;
