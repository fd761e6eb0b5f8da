-- AlterTable
ALTER TABLE "ConsentAuthorization" ADD COLUMN     "idempotencyKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "ConsentAuthorization_organizationId_idempotencyKey_key" ON "ConsentAuthorization"("organizationId", "idempotencyKey");
