-- CreateIndex
CREATE INDEX "SpecVersion_orgId_publishedAt_idx" ON "SpecVersion"("orgId", "publishedAt");

-- CreateIndex
CREATE INDEX "Acknowledgement_importerId_factoryId_status_idx" ON "Acknowledgement"("importerId", "factoryId", "status");

