-- AlterTable
ALTER TABLE "Characteristic" ADD COLUMN     "lowerTolDecimals" SMALLINT,
ADD COLUMN     "nominalDecimals" SMALLINT,
ADD COLUMN     "upperTolDecimals" SMALLINT;

