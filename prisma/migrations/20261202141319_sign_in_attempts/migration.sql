-- CreateTable
CREATE TABLE "SignInAttempt" (
    "id" UUID NOT NULL,
    "accountKey" TEXT NOT NULL,
    "addressKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SignInAttempt_accountKey_createdAt_idx" ON "SignInAttempt"("accountKey", "createdAt");

-- CreateIndex
CREATE INDEX "SignInAttempt_addressKey_createdAt_idx" ON "SignInAttempt"("addressKey", "createdAt");

-- CreateIndex
CREATE INDEX "SignInAttempt_createdAt_idx" ON "SignInAttempt"("createdAt");
