-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('ACTIVE', 'ON_HOLD', 'WAITING_FOR_ORG', 'WITHDRAWN', 'REJECTED', 'CLOSED');

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL,
    "fileNumber" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "procedureId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "annualSalary" INTEGER,
    "plannedStartOn" DATE,
    "status" "CaseStatus" NOT NULL DEFAULT 'ACTIVE',
    "state" JSONB NOT NULL,
    "currentStep" TEXT,
    "currentActor" TEXT,
    "nextDueOn" DATE,
    "deemedApprovalFrom" DATE,
    "assignedOfficerId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "type" TEXT NOT NULL,
    "step" TEXT,
    "actorId" TEXT,
    "performer" TEXT NOT NULL,
    "payload" JSONB NOT NULL,

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FileNumberCounter" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "FileNumberCounter_pkey" PRIMARY KEY ("year")
);

-- CreateIndex
CREATE UNIQUE INDEX "Case_fileNumber_key" ON "Case"("fileNumber");

-- CreateIndex
CREATE INDEX "Case_organizationId_updatedAt_idx" ON "Case"("organizationId", "updatedAt");

-- CreateIndex
CREATE INDEX "Case_candidateId_idx" ON "Case"("candidateId");

-- CreateIndex
CREATE INDEX "Case_status_nextDueOn_idx" ON "Case"("status", "nextDueOn");

-- CreateIndex
CREATE INDEX "Case_assignedOfficerId_status_idx" ON "Case"("assignedOfficerId", "status");

-- CreateIndex
CREATE INDEX "Case_deemedApprovalFrom_idx" ON "Case"("deemedApprovalFrom");

-- CreateIndex
CREATE INDEX "CaseEvent_caseId_at_idx" ON "CaseEvent"("caseId", "at");

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_assignedOfficerId_fkey" FOREIGN KEY ("assignedOfficerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

