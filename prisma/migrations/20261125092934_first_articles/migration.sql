-- CreateEnum
CREATE TYPE "FirstArticleStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'CONDITIONALLY_APPROVED', 'REJECTED');

-- CreateTable
CREATE TABLE "FirstArticle" (
    "id" TEXT NOT NULL,
    "seriesId" TEXT NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "importerId" TEXT NOT NULL,
    "factoryId" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "specId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "status" "FirstArticleStatus" NOT NULL DEFAULT 'DRAFT',
    "poNumber" TEXT NOT NULL,
    "lotNumber" TEXT NOT NULL DEFAULT '',
    "quantityProduced" INTEGER NOT NULL,
    "sampleCount" INTEGER NOT NULL,
    "inspectedOn" TIMESTAMP(3) NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "submittedAt" TIMESTAMP(3),
    "submittedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "decisionNote" TEXT,
    "findings" JSONB,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FirstArticle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Measurement" (
    "id" TEXT NOT NULL,
    "firstArticleId" TEXT NOT NULL,
    "characteristicKey" TEXT NOT NULL,
    "sample" INTEGER NOT NULL,
    "raw" TEXT NOT NULL,
    "value" DECIMAL(18,6),
    "passed" BOOLEAN,

    CONSTRAINT "Measurement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FirstArticle_importerId_status_updatedAt_idx" ON "FirstArticle"("importerId", "status", "updatedAt");

-- CreateIndex
CREATE INDEX "FirstArticle_factoryId_status_updatedAt_idx" ON "FirstArticle"("factoryId", "status", "updatedAt");

-- CreateIndex
CREATE INDEX "FirstArticle_versionId_factoryId_idx" ON "FirstArticle"("versionId", "factoryId");

-- CreateIndex
CREATE UNIQUE INDEX "FirstArticle_seriesId_round_key" ON "FirstArticle"("seriesId", "round");

-- CreateIndex
CREATE UNIQUE INDEX "Measurement_firstArticleId_characteristicKey_sample_key" ON "Measurement"("firstArticleId", "characteristicKey", "sample");

-- AddForeignKey
ALTER TABLE "FirstArticle" ADD CONSTRAINT "FirstArticle_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measurement" ADD CONSTRAINT "Measurement_firstArticleId_fkey" FOREIGN KEY ("firstArticleId") REFERENCES "FirstArticle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

