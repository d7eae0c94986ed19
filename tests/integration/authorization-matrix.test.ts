import { readdirSync } from 'node:fs'

import { beforeAll, describe, expect, it } from 'vitest'

import { getOrganizationCase } from '~/models/case.server'
import { uploadDocument } from '~/models/document.server'

import {
  addMember,
  createCandidate,
  createCase,
  createMission,
  createOrganization,
  createUser,
} from '../factories'
import { buildRequest, callRoute, sessionCookieFor } from '../support/requests'

/**
 * Every route × every role → the status it answers (DESIGN §7): 302 sends anonymous visitors to the
 * login page (or signed-in users away from login pages), 403 is a role without the right, 404 hides
 * another organization's resources. GET calls the loader; POST calls the action with an empty form,
 * which a permitted role must refuse as bad input (400) unless an empty form is a complete request.
 */
const roles = ['anonymous', 'memberOfA', 'memberOfB', 'officer', 'lead', 'admin', 'embassy'] as const
type Role = (typeof roles)[number]
type Expected = Record<Role, number>

const every = (status: number): Expected =>
  Object.fromEntries(roles.map((role) => [role, status])) as Expected
const only = (allowed: Partial<Record<Role, number>>, otherwise: number, anonymous = 302): Expected => ({
  ...every(otherwise),
  anonymous,
  ...allowed,
})

const signedIn = (status: number) => only({}, status)
const anonymousOnly = (status: number) => ({ ...every(302), anonymous: status })
const organizationA = (status: number) => only({ memberOfA: status }, 404)
const authorityViewers = (status: number) => only({ officer: status, lead: status }, 403)
/** A case (and its documents) is not found for anyone who does not work on cases: no existence leak. */
const caseWorkers = (status: number) => only({ officer: status, lead: status }, 404)
const admins = (status: number) => only({ admin: status }, 403)
const staffOnly = (status: number) =>
  only({ officer: status, lead: status, admin: status, embassy: status }, 404)

type Ids = {
  orgA: string
  missionId: string
  officerId: string
  candidateId: string
  caseId: string
  documentId: string
}

type RouteCase = {
  file: string
  path: (ids: Ids) => string
  params?: (ids: Ids) => Record<string, string>
  get?: Expected
  post?: Expected
}

const routeCases: RouteCase[] = [
  { file: '_index.tsx', path: () => '/', get: every(200) },
  { file: 'accessibility.tsx', path: () => '/accessibility', get: every(200) },
  { file: 'privacy.tsx', path: () => '/privacy', get: every(200) },
  { file: 'imprint.tsx', path: () => '/imprint', get: every(200) },
  {
    file: 'procedures.$slug.tsx',
    path: () => '/procedures/skilled-workers',
    params: () => ({ slug: 'skilled-workers' }),
    get: every(200),
  },
  { file: 'eligibility.tsx', path: () => '/eligibility', get: every(200) },
  { file: 'healthz.ts', path: () => '/healthz', get: every(200) },
  { file: 'locales.$lng.ts', path: () => '/locales/ar', params: () => ({ lng: 'ar' }), get: every(200) },
  { file: 'language.ts', path: () => '/language', get: every(302), post: every(400) },
  { file: 'signup.tsx', path: () => '/signup', get: anonymousOnly(200), post: anonymousOnly(400) },
  { file: 'login.tsx', path: () => '/login', get: anonymousOnly(200), post: anonymousOnly(400) },
  // without a pending challenge cookie, the second step sends everyone back to /login
  { file: 'login_.two-factor.tsx', path: () => '/login/two-factor', get: every(302), post: every(302) },
  { file: 'logout.ts', path: () => '/logout', get: every(302), post: every(302) },
  { file: 'forgot-password.tsx', path: () => '/forgot-password', post: every(400) },
  // a link without a token: the page explains it is invalid
  { file: 'reset-password.tsx', path: () => '/reset-password', get: every(400), post: every(400) },
  // seeded users are verified, so the "check your inbox" page sends them on
  { file: 'verify-email.tsx', path: () => '/verify-email', get: signedIn(302), post: signedIn(302) },
  { file: 'invitation.tsx', path: () => '/invitation', get: every(400), post: every(400) },
  { file: 'dashboard.tsx', path: () => '/dashboard', get: signedIn(200) },
  { file: 'account.tsx', path: () => '/account', get: signedIn(200) },
  { file: 'account._index.tsx', path: () => '/account', get: signedIn(200), post: signedIn(400) },
  { file: 'account.password.tsx', path: () => '/account/password', get: signedIn(200), post: signedIn(400) },
  // "sign out all other sessions" has no fields: an empty form is the whole request
  { file: 'account.sessions.tsx', path: () => '/account/sessions', get: signedIn(200), post: signedIn(302) },
  {
    file: 'account.two-factor.tsx',
    path: () => '/account/two-factor',
    get: staffOnly(200),
    post: staffOnly(400),
  },
  {
    file: 'organizations.new.tsx',
    path: () => '/organizations/new',
    get: only({ memberOfA: 200, memberOfB: 200 }, 403),
    post: only({ memberOfA: 400, memberOfB: 400 }, 403),
  },
  {
    file: 'organizations.$orgId._index.tsx',
    path: ({ orgA }) => `/organizations/${orgA}`,
    params: ({ orgA }) => ({ orgId: orgA }),
    get: organizationA(200),
  },
  {
    file: 'organizations.$orgId.members.tsx',
    path: ({ orgA }) => `/organizations/${orgA}/members`,
    params: ({ orgA }) => ({ orgId: orgA }),
    get: organizationA(200),
    // a plain member may look but not manage
    post: organizationA(403),
  },
  {
    file: 'organizations.$orgId.candidates._index.tsx',
    path: ({ orgA }) => `/organizations/${orgA}/candidates`,
    params: ({ orgA }) => ({ orgId: orgA }),
    get: organizationA(200),
  },
  {
    file: 'organizations.$orgId.candidates.new.tsx',
    path: ({ orgA }) => `/organizations/${orgA}/candidates/new`,
    params: ({ orgA }) => ({ orgId: orgA }),
    get: organizationA(200),
    post: organizationA(400),
  },
  {
    file: 'organizations.$orgId.candidates.import.tsx',
    path: ({ orgA }) => `/organizations/${orgA}/candidates/import`,
    params: ({ orgA }) => ({ orgId: orgA }),
    get: organizationA(200),
    // an empty form is neither an upload nor a confirmation
    post: organizationA(400),
  },
  {
    file: 'organizations.$orgId.candidates.import.template.ts',
    path: ({ orgA }) => `/organizations/${orgA}/candidates/import/template`,
    params: ({ orgA }) => ({ orgId: orgA }),
    get: organizationA(200),
  },
  {
    file: 'organizations.$orgId.candidates.$candidateId.tsx',
    path: ({ orgA, candidateId }) => `/organizations/${orgA}/candidates/${candidateId}`,
    params: ({ orgA, candidateId }) => ({ orgId: orgA, candidateId }),
    get: organizationA(200),
    post: organizationA(400),
  },
  {
    file: 'organizations.$orgId.cases._index.tsx',
    path: ({ orgA }) => `/organizations/${orgA}/cases`,
    params: ({ orgA }) => ({ orgId: orgA }),
    get: organizationA(200),
  },
  {
    file: 'organizations.$orgId.cases.new.tsx',
    path: ({ orgA }) => `/organizations/${orgA}/cases/new`,
    params: ({ orgA }) => ({ orgId: orgA }),
    get: organizationA(200),
    post: organizationA(400),
  },
  {
    file: 'organizations.$orgId.cases.$caseId.tsx',
    path: ({ orgA, caseId }) => `/organizations/${orgA}/cases/${caseId}`,
    params: ({ orgA, caseId }) => ({ orgId: orgA, caseId }),
    get: organizationA(200),
    post: organizationA(400),
  },
  {
    file: 'organizations.$orgId.cases.$caseId_.documents._index.tsx',
    path: ({ orgA, caseId }) => `/organizations/${orgA}/cases/${caseId}/documents?index`,
    params: ({ orgA, caseId }) => ({ orgId: orgA, caseId }),
    get: organizationA(200),
    // an empty form carries no file
    post: organizationA(400),
  },
  {
    file: 'organizations.$orgId.cases.$caseId_.documents.$documentId.ts',
    path: ({ orgA, caseId, documentId }) => `/organizations/${orgA}/cases/${caseId}/documents/${documentId}`,
    params: ({ orgA, caseId, documentId }) => ({ orgId: orgA, caseId, documentId }),
    get: organizationA(200),
  },
  {
    file: 'organizations.$orgId.cases.$caseId_.messages.tsx',
    path: ({ orgA, caseId }) => `/organizations/${orgA}/cases/${caseId}/messages`,
    params: ({ orgA, caseId }) => ({ orgId: orgA, caseId }),
    get: organizationA(200),
    // an empty form is a message without text
    post: organizationA(400),
  },
  {
    file: 'authority.cases.$caseId_.messages.tsx',
    path: ({ caseId }) => `/authority/cases/${caseId}/messages`,
    params: ({ caseId }) => ({ caseId }),
    get: caseWorkers(200),
    post: caseWorkers(400),
  },
  // members of any organization and case-working officers have an inbox; admins and mission staff do not
  {
    file: 'inbox.tsx',
    path: () => '/inbox',
    get: only({ memberOfA: 200, memberOfB: 200, officer: 200, lead: 200 }, 403),
    post: only({ memberOfA: 400, memberOfB: 400, officer: 400, lead: 400 }, 403),
  },
  { file: 'authority.cases._index.tsx', path: () => '/authority/cases', get: authorityViewers(200) },
  {
    file: 'authority.cases.$caseId_.documents._index.tsx',
    path: ({ caseId }) => `/authority/cases/${caseId}/documents`,
    params: ({ caseId }) => ({ caseId }),
    get: caseWorkers(200),
  },
  {
    file: 'authority.cases.$caseId_.documents.$documentId._index.tsx',
    path: ({ caseId, documentId }) => `/authority/cases/${caseId}/documents/${documentId}?index`,
    params: ({ caseId, documentId }) => ({ caseId, documentId }),
    get: caseWorkers(200),
    post: caseWorkers(400),
  },
  {
    file: 'authority.cases.$caseId_.documents.$documentId.file.ts',
    path: ({ caseId, documentId }) => `/authority/cases/${caseId}/documents/${documentId}/file`,
    params: ({ caseId, documentId }) => ({ caseId, documentId }),
    get: caseWorkers(200),
  },
  {
    file: 'authority.cases.$caseId.tsx',
    path: ({ caseId }) => `/authority/cases/${caseId}`,
    params: ({ caseId }) => ({ caseId }),
    get: caseWorkers(200),
    post: caseWorkers(400),
  },
  {
    file: 'authority.organizations._index.tsx',
    path: () => '/authority/organizations',
    get: authorityViewers(200),
  },
  {
    file: 'authority.organizations.$orgId.tsx',
    path: ({ orgA }) => `/authority/organizations/${orgA}`,
    params: ({ orgA }) => ({ orgId: orgA }),
    get: authorityViewers(200),
    // only a lead officer decides; officers see the page without the buttons
    post: only({ lead: 400 }, 403),
  },
  { file: 'admin._index.ts', path: () => '/admin', get: admins(302) },
  { file: 'admin.staff._index.tsx', path: () => '/admin/staff', get: admins(200) },
  { file: 'admin.staff.new.tsx', path: () => '/admin/staff/new', get: admins(200), post: admins(400) },
  {
    file: 'admin.staff.$userId.tsx',
    path: ({ officerId }) => `/admin/staff/${officerId}`,
    params: ({ officerId }) => ({ userId: officerId }),
    get: admins(200),
    post: admins(400),
  },
  { file: 'admin.missions._index.tsx', path: () => '/admin/missions', get: admins(200) },
  { file: 'admin.missions.new.tsx', path: () => '/admin/missions/new', get: admins(200), post: admins(400) },
  {
    file: 'admin.missions.$missionId.tsx',
    path: ({ missionId }) => `/admin/missions/${missionId}`,
    params: ({ missionId }) => ({ missionId }),
    get: admins(200),
    post: admins(400),
  },
  // an unticked checkbox sends nothing: the empty form switches the requirement off
  { file: 'admin.settings.tsx', path: () => '/admin/settings', get: admins(200), post: admins(302) },
  { file: 'admin.outbox.tsx', path: () => '/admin/outbox', get: admins(200), post: admins(400) },
]

const userIds = {} as Record<Role, string | undefined>
let ids: Ids

beforeAll(async () => {
  const adminOfA = await createUser()
  const orgA = await createOrganization({ createdById: adminOfA.id })
  const memberOfA = await createUser()
  await addMember(orgA.id, memberOfA.id)
  const memberOfB = await createUser()
  await createOrganization({ createdById: memberOfB.id })
  const mission = await createMission()
  const officer = await createUser({ staffRole: 'OFFICER' })
  const users = {
    memberOfA,
    memberOfB,
    officer,
    lead: await createUser({ staffRole: 'LEAD_OFFICER' }),
    admin: await createUser({ staffRole: 'ADMIN' }),
    embassy: await createUser({ staffRole: 'EMBASSY', missionId: mission.id }),
  }
  for (const [role, user] of Object.entries(users)) userIds[role as Role] = user.id
  const candidate = await createCandidate({ organizationId: orgA.id, createdById: adminOfA.id })
  const kase = await createCase({
    organizationId: orgA.id,
    candidateId: candidate.id,
    createdById: adminOfA.id,
  })
  const stored = await getOrganizationCase(orgA.id, kase.id)
  const document = await uploadDocument(memberOfA, stored!, 'passportCopy', {
    name: 'passport.pdf',
    content: (async function* () {
      yield new TextEncoder().encode('%PDF-1.4\n%%EOF\n')
    })(),
  })
  if (!document.ok) throw new Error(`upload refused: ${document.problem}`)
  ids = {
    orgA: orgA.id,
    missionId: mission.id,
    officerId: officer.id,
    candidateId: candidate.id,
    caseId: kase.id,
    documentId: document.documentId,
  }
})

async function statusOf(routeCase: RouteCase, method: 'get' | 'post', role: Role) {
  const module = (await import(`../../app/routes/${routeCase.file.replace(/\.tsx?$/, '')}`)) as {
    loader?: Parameters<typeof callRoute>[0]
    action?: Parameters<typeof callRoute>[0]
  }
  // a fresh session per request: some actions (logout, sign out other sessions) end sessions
  const userId = userIds[role]
  const request = buildRequest(routeCase.path(ids), {
    cookie: userId ? await sessionCookieFor(userId) : undefined,
    form: method === 'post' ? {} : undefined,
  })
  const result = await callRoute(
    method === 'get' ? module.loader : module.action,
    request,
    routeCase.params?.(ids),
  )
  return result.status
}

describe('authorization matrix', () => {
  it('covers every route module', () => {
    const files = readdirSync('app/routes').sort()
    expect(routeCases.map((routeCase) => routeCase.file).sort()).toEqual(files)
  })

  for (const routeCase of routeCases) {
    for (const method of ['get', 'post'] as const) {
      const expected = routeCase[method]
      if (!expected) continue
      it(`${method.toUpperCase()} ${routeCase.file}`, async () => {
        const actual = {} as Expected
        for (const role of roles) actual[role] = await statusOf(routeCase, method, role)
        expect(actual).toEqual(expected)
      })
    }
  }

  it('declares no loader or action that the matrix does not exercise', async () => {
    for (const routeCase of routeCases) {
      const module = (await import(`../../app/routes/${routeCase.file.replace(/\.tsx?$/, '')}`)) as object
      if ('loader' in module) expect(routeCase.get, `${routeCase.file} loader`).toBeDefined()
      if ('action' in module) expect(routeCase.post, `${routeCase.file} action`).toBeDefined()
    }
  })
})
