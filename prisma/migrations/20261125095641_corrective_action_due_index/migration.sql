-- CreateIndex
CREATE INDEX "CorrectiveAction_status_planDueAt_idx" ON "CorrectiveAction"("status", "planDueAt");

