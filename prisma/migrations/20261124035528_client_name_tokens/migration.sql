-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "nameTokens" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "Client_nameTokens_idx" ON "Client" USING GIN ("nameTokens");
