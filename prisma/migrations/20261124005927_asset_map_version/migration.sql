-- CreateTable
CREATE TABLE "AssetMapVersion" (
    "coalitionId" UUID NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "AssetMapVersion_pkey" PRIMARY KEY ("coalitionId")
);
