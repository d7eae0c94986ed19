/**
 * Demo data for the embedded default: run automatically on its first start, never in production.
 * The logins are listed in the README.
 */
import { addMember, createMission, createOrganization, createUser } from '../tests/factories'
import { prisma } from '../app/utils/db.server'

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
await createOrganization({
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

await prisma.$disconnect()
console.info('demo data ready')
