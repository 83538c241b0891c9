-- CreateEnum
CREATE TYPE "InspectionType" AS ENUM ('DURING_PRODUCTION', 'PRE_SHIPMENT', 'RE_INSPECTION');

-- CreateEnum
CREATE TYPE "InspectionStatus" AS ENUM ('BOOKED', 'CONFIRMED', 'SUBMITTED', 'RELEASED', 'REJECTED', 'ACCEPTED_WITH_DEVIATION', 'ABORTED');

-- CreateEnum
CREATE TYPE "InspectorSide" AS ENUM ('FACTORY', 'IMPORTER');

-- CreateEnum
CREATE TYPE "InspectionResult" AS ENUM ('PASS', 'FAIL');

-- CreateEnum
CREATE TYPE "AbortReason" AS ENUM ('GOODS_NOT_READY', 'UNDER_80_PERCENT_PACKED', 'NO_ACCESS', 'EQUIPMENT_MISSING', 'OTHER');

-- CreateEnum
CREATE TYPE "CheckResult" AS ENUM ('PASS', 'FAIL', 'NOT_APPLICABLE');

-- AlterTable
ALTER TABLE "CorrectiveAction" ADD COLUMN     "inspectionId" TEXT;

-- CreateTable
CREATE TABLE "Inspection" (
    "id" TEXT NOT NULL,
    "importerId" TEXT NOT NULL,
    "factoryId" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "specId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "type" "InspectionType" NOT NULL,
    "reinspectionOfId" TEXT,
    "status" "InspectionStatus" NOT NULL DEFAULT 'BOOKED',
    "poNumber" TEXT NOT NULL,
    "orderQuantity" INTEGER NOT NULL,
    "lotSize" INTEGER NOT NULL,
    "proposedDate" TIMESTAMP(3) NOT NULL,
    "expectedShipDate" TIMESTAMP(3),
    "inspectedBy" "InspectorSide" NOT NULL,
    "proposedByOrgId" TEXT NOT NULL,
    "bookedById" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "confirmedById" TEXT,
    "plan" JSONB NOT NULL,
    "severity" TEXT NOT NULL DEFAULT 'normal',
    "sampleSize" INTEGER NOT NULL,
    "cartonsTotal" INTEGER,
    "cartonsChecked" INTEGER,
    "packedPercent" INTEGER,
    "quantityNote" TEXT NOT NULL DEFAULT '',
    "steadyProduction" BOOLEAN NOT NULL DEFAULT true,
    "result" "InspectionResult",
    "resultNote" TEXT NOT NULL DEFAULT '',
    "pendingDecision" BOOLEAN NOT NULL DEFAULT false,
    "submittedAt" TIMESTAMP(3),
    "submittedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "decisionNote" TEXT,
    "abortReason" "AbortReason",
    "abortNote" TEXT,
    "abortedAt" TIMESTAMP(3),
    "abortedById" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionDefect" (
    "id" TEXT NOT NULL,
    "inspectionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "class" "CharacteristicClass" NOT NULL,
    "defectExampleKey" TEXT,
    "description" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "InspectionDefect_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionCheck" (
    "id" TEXT NOT NULL,
    "inspectionId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "result" "CheckResult",
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "InspectionCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionMeasurement" (
    "id" TEXT NOT NULL,
    "inspectionId" TEXT NOT NULL,
    "characteristicKey" TEXT NOT NULL,
    "sample" INTEGER NOT NULL,
    "raw" TEXT NOT NULL,
    "value" DECIMAL(18,6),
    "passed" BOOLEAN,

    CONSTRAINT "InspectionMeasurement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SamplingSetting" (
    "id" TEXT NOT NULL,
    "importerId" TEXT NOT NULL,
    "factoryId" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "specId" TEXT NOT NULL DEFAULT '',
    "level" TEXT NOT NULL DEFAULT 'II',
    "criticalAql" TEXT,
    "majorAql" TEXT DEFAULT '2.5',
    "minorAql" TEXT DEFAULT '4.0',
    "measuredLevel" TEXT NOT NULL DEFAULT 'S-2',
    "measuredCount" INTEGER,
    "reducedEnabled" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "SamplingSetting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SamplingState" (
    "id" TEXT NOT NULL,
    "importerId" TEXT NOT NULL,
    "factoryId" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "specId" TEXT NOT NULL,
    "severity" TEXT NOT NULL DEFAULT 'normal',
    "recent" JSONB NOT NULL DEFAULT '[]',
    "score" INTEGER NOT NULL DEFAULT 0,
    "acceptedInRow" INTEGER NOT NULL DEFAULT 0,
    "notAcceptedOnTightened" INTEGER NOT NULL DEFAULT 0,
    "reason" TEXT,
    "switchedAt" TIMESTAMP(3),
    "switchedByInspectionId" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SamplingState_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Inspection_importerId_status_proposedDate_idx" ON "Inspection"("importerId", "status", "proposedDate");

-- CreateIndex
CREATE INDEX "Inspection_factoryId_status_proposedDate_idx" ON "Inspection"("factoryId", "status", "proposedDate");

-- CreateIndex
CREATE INDEX "Inspection_partnershipId_specId_submittedAt_idx" ON "Inspection"("partnershipId", "specId", "submittedAt");

-- CreateIndex
CREATE INDEX "Inspection_reinspectionOfId_idx" ON "Inspection"("reinspectionOfId");

-- CreateIndex
CREATE INDEX "InspectionDefect_inspectionId_position_idx" ON "InspectionDefect"("inspectionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "InspectionCheck_inspectionId_key_key" ON "InspectionCheck"("inspectionId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "InspectionMeasurement_inspectionId_characteristicKey_sample_key" ON "InspectionMeasurement"("inspectionId", "characteristicKey", "sample");

-- CreateIndex
CREATE UNIQUE INDEX "SamplingSetting_partnershipId_specId_key" ON "SamplingSetting"("partnershipId", "specId");

-- CreateIndex
CREATE UNIQUE INDEX "SamplingState_partnershipId_specId_key" ON "SamplingState"("partnershipId", "specId");

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionDefect" ADD CONSTRAINT "InspectionDefect_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionCheck" ADD CONSTRAINT "InspectionCheck_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionMeasurement" ADD CONSTRAINT "InspectionMeasurement_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SamplingSetting" ADD CONSTRAINT "SamplingSetting_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SamplingState" ADD CONSTRAINT "SamplingState_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

