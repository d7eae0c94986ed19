-- CreateTable
CREATE TABLE "CandidateImport" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "rows" JSONB NOT NULL,
    "errors" JSONB NOT NULL,
    "ignoredColumns" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CandidateImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CandidateImport_organizationId_idx" ON "CandidateImport"("organizationId");

-- CreateIndex
CREATE INDEX "CandidateImport_expiresAt_idx" ON "CandidateImport"("expiresAt");

-- AddForeignKey
ALTER TABLE "CandidateImport" ADD CONSTRAINT "CandidateImport_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CandidateImport" ADD CONSTRAINT "CandidateImport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

