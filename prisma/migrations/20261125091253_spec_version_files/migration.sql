-- CreateTable
CREATE TABLE "SpecVersionFile" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "attachmentId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "SpecVersionFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SpecVersionFile_attachmentId_idx" ON "SpecVersionFile"("attachmentId");

-- CreateIndex
CREATE UNIQUE INDEX "SpecVersionFile_versionId_attachmentId_key" ON "SpecVersionFile"("versionId", "attachmentId");

-- AddForeignKey
ALTER TABLE "SpecVersionFile" ADD CONSTRAINT "SpecVersionFile_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "SpecVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

