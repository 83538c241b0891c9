-- CreateEnum
CREATE TYPE "CorrectiveActionStatus" AS ENUM ('OPEN', 'PLAN_SUBMITTED', 'PLAN_ACCEPTED', 'IMPLEMENTED', 'CLOSED');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('CRITICAL', 'MAJOR', 'MINOR');

-- CreateEnum
CREATE TYPE "RootCauseCategory" AS ENUM ('UNCLEAR_INSTRUCTION', 'PROCESS_STEP', 'MATERIAL_VARIATION', 'SKIPPED_CHECK', 'EQUIPMENT', 'TRAINING', 'OTHER');

-- CreateTable
CREATE TABLE "CorrectiveAction" (
    "id" TEXT NOT NULL,
    "importerId" TEXT NOT NULL,
    "factoryId" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "firstArticleId" TEXT,
    "specId" TEXT,
    "title" TEXT NOT NULL,
    "problem" TEXT NOT NULL,
    "severity" "Severity" NOT NULL DEFAULT 'MAJOR',
    "status" "CorrectiveActionStatus" NOT NULL DEFAULT 'OPEN',
    "planDueAt" TIMESTAMP(3) NOT NULL,
    "containment" TEXT NOT NULL DEFAULT '',
    "rootCauseCategory" "RootCauseCategory",
    "rootCause" TEXT NOT NULL DEFAULT '',
    "preventive" TEXT NOT NULL DEFAULT '',
    "reviewNote" TEXT,
    "effectivenessNote" TEXT,
    "openedById" TEXT,
    "planSubmittedAt" TIMESTAMP(3),
    "planAcceptedAt" TIMESTAMP(3),
    "implementedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CorrectiveAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CorrectiveActionItem" (
    "id" TEXT NOT NULL,
    "correctiveActionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CorrectiveActionItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CorrectiveAction_importerId_status_planDueAt_idx" ON "CorrectiveAction"("importerId", "status", "planDueAt");

-- CreateIndex
CREATE INDEX "CorrectiveAction_factoryId_status_planDueAt_idx" ON "CorrectiveAction"("factoryId", "status", "planDueAt");

-- CreateIndex
CREATE INDEX "CorrectiveActionItem_correctiveActionId_position_idx" ON "CorrectiveActionItem"("correctiveActionId", "position");

-- CreateIndex
CREATE INDEX "CorrectiveActionItem_dueAt_idx" ON "CorrectiveActionItem"("dueAt");

-- AddForeignKey
ALTER TABLE "CorrectiveAction" ADD CONSTRAINT "CorrectiveAction_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectiveActionItem" ADD CONSTRAINT "CorrectiveActionItem_correctiveActionId_fkey" FOREIGN KEY ("correctiveActionId") REFERENCES "CorrectiveAction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

