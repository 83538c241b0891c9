-- AlterTable
ALTER TABLE "SpecVersion" ADD COLUMN     "changeNote" TEXT NOT NULL DEFAULT '';

