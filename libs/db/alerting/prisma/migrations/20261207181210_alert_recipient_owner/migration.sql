-- AlterEnum
ALTER TYPE "AlertRecipientType" ADD VALUE 'OWNER';
