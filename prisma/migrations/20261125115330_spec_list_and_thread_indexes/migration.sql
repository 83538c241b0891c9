-- DropIndex
DROP INDEX "Comment_threadType_threadId_factoryId_createdAt_idx";

-- CreateIndex
CREATE INDEX "SpecShare_importerId_idx" ON "SpecShare"("importerId");

-- CreateIndex
CREATE INDEX "Acknowledgement_importerId_status_idx" ON "Acknowledgement"("importerId", "status");

-- CreateIndex
CREATE INDEX "Comment_threadType_threadId_factoryId_createdAt_id_idx" ON "Comment"("threadType", "threadId", "factoryId", "createdAt", "id");

