/**
 * Demo data for the embedded default: run automatically on its first start, never in production.
 * The logins are listed in the README.
 */
import { todayAtAuthority } from '../app/models/case.server'
import { prisma } from '../app/utils/db.server'
import {
  addMember,
  createCandidate,
  createCase,
  createMission,
  createOrganization,
  createUser,
  skilledWorkerPath,
} from '../tests/factories'

if (process.env.NODE_ENV === 'production') {
  console.error('Refusing to seed demo data with NODE_ENV=production')
  process.exit(1)
}

const authority = {
  admin: await createUser({ email: 'admin@abh.example', name: 'Anja Admin', staffRole: 'ADMIN' }),
  lead: await createUser({ email: 'lead@abh.example', name: 'Lena Leitung', staffRole: 'LEAD_OFFICER' }),
  officer1: await createUser({ email: 'officer1@abh.example', name: 'Omar Okafor', staffRole: 'OFFICER' }),
  officer2: await createUser({ email: 'officer2@abh.example', name: 'Olga Ostrowski', staffRole: 'OFFICER' }),
}

const employerAdmin = await createUser({ email: 'hr@employer.example', name: 'Hanna Reimann' })
const employerMember = await createUser({
  email: 'recruiting@employer.example',
  name: 'Ravi Menon',
  locale: 'en',
})
const employer = await createOrganization({
  createdById: employerAdmin.id,
  kind: 'EMPLOYER',
  legalName: 'Münsterland Pflege GmbH',
  status: 'VERIFIED',
})
await prisma.organization.update({ where: { id: employer.id }, data: { decidedById: authority.lead.id } })
await addMember(employer.id, employerMember.id)

const universityAdmin = await createUser({ email: 'international@university.example', name: 'Ursula Weber' })
const university = await createOrganization({
  createdById: universityAdmin.id,
  kind: 'UNIVERSITY',
  legalName: 'Westfälische Hochschule für Technik',
  status: 'VERIFIED',
})

const agencyAdmin = await createUser({ email: 'agency@pending.example', name: 'Amira Haddad', locale: 'ar' })
await createOrganization({
  createdById: agencyAdmin.id,
  kind: 'AGENCY',
  legalName: 'Brücke Recruiting & Recht GbR',
  status: 'PENDING',
})

const mission = await createMission({
  name: 'Deutsche Botschaft Neu-Delhi',
  country: 'IN',
  city: 'New Delhi',
})
await createUser({
  email: 'visa@newdelhi.example',
  name: 'Vikram Desai',
  staffRole: 'EMBASSY',
  missionId: mission.id,
})

// Cases at different points of the procedure, so every page has something to show.
const path = skilledWorkerPath(todayAtAuthority())
const employerCandidates = {
  priya: await createCandidate({
    organizationId: employer.id,
    createdById: employerAdmin.id,
    surname: 'Sharma',
    givenNames: 'Priya',
    placeOfBirth: 'Kochi',
    nationality: 'IN',
    preferredLanguage: 'en',
    qualificationKind: 'ACADEMIC',
    qualificationTitle: 'Bachelor of Science in Nursing',
  }),
  maria: await createCandidate({
    organizationId: employer.id,
    createdById: employerMember.id,
    surname: 'Santos',
    givenNames: 'Maria Luisa',
    placeOfBirth: 'Cebu City',
    nationality: 'PH',
    preferredLanguage: 'en',
    qualificationKind: 'ACADEMIC',
    qualificationTitle: 'Bachelor of Science in Nursing',
  }),
  youssef: await createCandidate({
    organizationId: employer.id,
    createdById: employerAdmin.id,
    surname: 'بن علي',
    givenNames: 'يوسف',
    placeOfBirth: 'Sfax',
    nationality: 'TN',
    qualificationKind: 'VOCATIONAL',
    qualificationTitle: 'Technicien supérieur en électrotechnique',
  }),
  lan: await createCandidate({
    organizationId: employer.id,
    createdById: employerMember.id,
    surname: 'Nguyễn',
    givenNames: 'Thị Lan',
    placeOfBirth: 'Huế',
    nationality: 'VN',
    preferredLanguage: 'en',
    qualificationKind: 'VOCATIONAL',
    qualificationTitle: 'Điều dưỡng (Pflege)',
  }),
}
const employerCase = (candidateId: string, title: '§18a' | '§18b', position: string) => ({
  organizationId: employer.id,
  candidateId,
  createdById: employerAdmin.id,
  title,
  position,
  annualSalary: 46_800,
})
await createCase(employerCase(employerCandidates.priya.id, '§18b', 'Pflegefachkraft (Intensivpflege)'))
await createCase(
  employerCase(employerCandidates.maria.id, '§18b', 'Pflegefachkraft'),
  authority.officer1.id,
  path.toBaRequest,
)
await createCase(
  employerCase(employerCandidates.youssef.id, '§18a', 'Elektroniker für Betriebstechnik'),
  authority.officer1.id,
  path.toDocuments,
)
await createCase(
  employerCase(employerCandidates.lan.id, '§18b', 'Pflegefachkraft (Geriatrie)'),
  authority.officer2.id,
  path.toPreApproval,
)

const student = await createCandidate({
  organizationId: university.id,
  createdById: universityAdmin.id,
  surname: 'Kovalenko',
  givenNames: 'Oksana',
  placeOfBirth: 'Lviv',
  nationality: 'UA',
  preferredLanguage: 'en',
  qualificationKind: 'OTHER',
  qualificationTitle: 'Атестат про повну загальну середню освіту',
})
await createCase({
  organizationId: university.id,
  candidateId: student.id,
  createdById: universityAdmin.id,
  procedureId: 'study-16b',
  title: '§16b',
  position: 'M.Sc. Elektrotechnik',
})

await prisma.$disconnect()
console.info('demo data ready')
