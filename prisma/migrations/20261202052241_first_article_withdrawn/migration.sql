-- AlterEnum
ALTER TYPE "FirstArticleStatus" ADD VALUE 'WITHDRAWN';

