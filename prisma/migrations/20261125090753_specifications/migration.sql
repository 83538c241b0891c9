-- CreateEnum
CREATE TYPE "SpecVersionStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "CharacteristicKind" AS ENUM ('VARIABLE', 'ATTRIBUTE');

-- CreateEnum
CREATE TYPE "CharacteristicClass" AS ENUM ('CRITICAL', 'MAJOR', 'MINOR');

-- CreateEnum
CREATE TYPE "AcknowledgementStatus" AS ENUM ('ACKNOWLEDGED', 'QUERIED');

-- CreateEnum
CREATE TYPE "CommentVisibility" AS ENUM ('SHARED', 'INTERNAL');

-- CreateTable
CREATE TABLE "Spec" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "productCode" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "currentVersionId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Spec_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpecVersion" (
    "id" TEXT NOT NULL,
    "specId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "SpecVersionStatus" NOT NULL DEFAULT 'DRAFT',
    "description" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "packaging" TEXT NOT NULL DEFAULT '',
    "publishedAt" TIMESTAMP(3),
    "publishedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SpecVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpecMaterial" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "material" TEXT NOT NULL,
    "grade" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "SpecMaterial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Characteristic" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "CharacteristicKind" NOT NULL DEFAULT 'VARIABLE',
    "nominal" DECIMAL(18,6),
    "lowerTol" DECIMAL(18,6),
    "upperTol" DECIMAL(18,6),
    "unit" TEXT NOT NULL DEFAULT '',
    "class" "CharacteristicClass" NOT NULL DEFAULT 'MAJOR',
    "method" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Characteristic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DefectExample" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "characteristicKey" TEXT,
    "acceptablePhotoId" TEXT,
    "unacceptablePhotoId" TEXT,

    CONSTRAINT "DefectExample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpecShare" (
    "id" TEXT NOT NULL,
    "specId" TEXT NOT NULL,
    "importerId" TEXT NOT NULL,
    "factoryId" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpecShare_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Acknowledgement" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "importerId" TEXT NOT NULL,
    "factoryId" TEXT NOT NULL,
    "status" "AcknowledgementStatus" NOT NULL,
    "question" TEXT,
    "userId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Acknowledgement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "threadType" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "importerId" TEXT NOT NULL,
    "factoryId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "authorId" TEXT,
    "visibility" "CommentVisibility" NOT NULL DEFAULT 'SHARED',
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" TIMESTAMP(3),

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "uploadedById" TEXT,
    "ownerType" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Spec_currentVersionId_key" ON "Spec"("currentVersionId");

-- CreateIndex
CREATE INDEX "Spec_orgId_updatedAt_idx" ON "Spec"("orgId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Spec_orgId_productCode_key" ON "Spec"("orgId", "productCode");

-- CreateIndex
CREATE INDEX "SpecVersion_orgId_status_idx" ON "SpecVersion"("orgId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "SpecVersion_specId_number_key" ON "SpecVersion"("specId", "number");

-- CreateIndex
CREATE INDEX "SpecMaterial_versionId_position_idx" ON "SpecMaterial"("versionId", "position");

-- CreateIndex
CREATE INDEX "Characteristic_versionId_position_idx" ON "Characteristic"("versionId", "position");

-- CreateIndex
CREATE INDEX "DefectExample_versionId_position_idx" ON "DefectExample"("versionId", "position");

-- CreateIndex
CREATE INDEX "SpecShare_factoryId_idx" ON "SpecShare"("factoryId");

-- CreateIndex
CREATE UNIQUE INDEX "SpecShare_specId_factoryId_key" ON "SpecShare"("specId", "factoryId");

-- CreateIndex
CREATE INDEX "Acknowledgement_factoryId_status_idx" ON "Acknowledgement"("factoryId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Acknowledgement_versionId_factoryId_key" ON "Acknowledgement"("versionId", "factoryId");

-- CreateIndex
CREATE INDEX "Comment_threadType_threadId_factoryId_createdAt_idx" ON "Comment"("threadType", "threadId", "factoryId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "Attachment"("storageKey");

-- CreateIndex
CREATE INDEX "Attachment_ownerType_ownerId_idx" ON "Attachment"("ownerType", "ownerId");

-- AddForeignKey
ALTER TABLE "Spec" ADD CONSTRAINT "Spec_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Spec" ADD CONSTRAINT "Spec_currentVersionId_fkey" FOREIGN KEY ("currentVersionId") REFERENCES "SpecVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpecVersion" ADD CONSTRAINT "SpecVersion_specId_fkey" FOREIGN KEY ("specId") REFERENCES "Spec"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpecMaterial" ADD CONSTRAINT "SpecMaterial_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "SpecVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Characteristic" ADD CONSTRAINT "Characteristic_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "SpecVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DefectExample" ADD CONSTRAINT "DefectExample_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "SpecVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpecShare" ADD CONSTRAINT "SpecShare_specId_fkey" FOREIGN KEY ("specId") REFERENCES "Spec"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpecShare" ADD CONSTRAINT "SpecShare_factoryId_fkey" FOREIGN KEY ("factoryId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpecShare" ADD CONSTRAINT "SpecShare_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Acknowledgement" ADD CONSTRAINT "Acknowledgement_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "SpecVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Acknowledgement" ADD CONSTRAINT "Acknowledgement_factoryId_fkey" FOREIGN KEY ("factoryId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

