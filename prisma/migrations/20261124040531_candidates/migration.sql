-- CreateEnum
CREATE TYPE "QualificationKind" AS ENUM ('ACADEMIC', 'VOCATIONAL', 'OTHER');

-- CreateTable
CREATE TABLE "Candidate" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "surname" TEXT NOT NULL,
    "givenNames" TEXT NOT NULL,
    "dateOfBirth" DATE NOT NULL,
    "placeOfBirth" TEXT NOT NULL,
    "nationality" TEXT NOT NULL,
    "passportNumber" TEXT NOT NULL,
    "passportExpiry" DATE NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "preferredLanguage" TEXT NOT NULL,
    "qualificationKind" "QualificationKind" NOT NULL,
    "qualificationTitle" TEXT NOT NULL,
    "qualificationCountry" TEXT NOT NULL,
    "qualificationYear" INTEGER NOT NULL,
    "countryOfResidence" TEXT NOT NULL,
    "intendedEntryDate" DATE,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Candidate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Candidate_passportNumber_nationality_idx" ON "Candidate"("passportNumber", "nationality");

-- CreateIndex
CREATE INDEX "Candidate_organizationId_surname_idx" ON "Candidate"("organizationId", "surname");

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

