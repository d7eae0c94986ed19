import { Outlet } from '@remix-run/react'
import { createRemixStub } from '@remix-run/testing'
import { renderToString } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { todayAtAuthority, type CaseDetail } from '~/models/case.server'
import * as authorityCase from '~/routes/authority.cases.$caseId'
import * as authorityList from '~/routes/authority.cases._index'
import * as eligibility from '~/routes/eligibility'
import * as candidatePage from '~/routes/organizations.$orgId.candidates.$candidateId'
import * as orgCase from '~/routes/organizations.$orgId.cases.$caseId'
import * as orgList from '~/routes/organizations.$orgId.cases._index'
import * as start from '~/routes/organizations.$orgId.cases.new'
import { addMonths, fromDateOnly } from '~/utils/date-only'
import { prisma } from '~/utils/db.server'
import { supportedLanguages } from '~/utils/i18n'
import { getResources } from '~/utils/i18n.server'
import { addDays } from '~/workflow/calendar'
import { agreementContents, type CaseState } from '~/workflow/types'

import {
  addMember,
  advanceCase,
  createCandidate,
  createCase,
  createMission,
  createOrganization,
  createUser,
  skilledWorkerPath,
} from '../factories'
import { buildRequest, callRoute, sessionCookieFor } from '../support/requests'
import { renderPage as renderSharedPage, translator, type RouteModule } from './helpers/render-page'

// The router's layout effects are meant for the browser; React's warning about them is noise here.
const consoleError = console.error
beforeAll(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes('useLayoutEffect does nothing on the server')) consoleError(...args)
  })
})
afterAll(() => vi.restoreAllMocks())

const today = todayAtAuthority()
const year = today.slice(0, 4)

let orgId: string
let otherOrgId: string
let candidateId: string
let otherCandidateId: string
let adminId: string
let officerId: string
const cookies = {} as Record<
  'orgAdmin' | 'orgMember' | 'otherOrg' | 'officer' | 'lead' | 'admin' | 'embassy',
  string
>

beforeAll(async () => {
  const orgAdmin = await createUser()
  const organization = await createOrganization({
    createdById: orgAdmin.id,
    legalName: 'Pflege Münster GmbH',
  })
  const orgMember = await createUser()
  await addMember(organization.id, orgMember.id)
  const otherOrgAdmin = await createUser()
  const otherOrg = await createOrganization({ createdById: otherOrgAdmin.id })
  const officer = await createUser({ staffRole: 'OFFICER', name: 'Anna Schmidt' })
  const mission = await createMission()
  const candidate = await createCandidate({
    organizationId: organization.id,
    createdById: orgAdmin.id,
    surname: 'Haddad',
    givenNames: 'Omar',
  })
  const otherCandidate = await createCandidate({ organizationId: otherOrg.id, createdById: otherOrgAdmin.id })
  orgId = organization.id
  otherOrgId = otherOrg.id
  candidateId = candidate.id
  otherCandidateId = otherCandidate.id
  adminId = orgAdmin.id
  officerId = officer.id
  const users = {
    orgAdmin: orgAdmin.id,
    orgMember: orgMember.id,
    otherOrg: otherOrgAdmin.id,
    officer: officer.id,
    lead: (await createUser({ staffRole: 'LEAD_OFFICER' })).id,
    admin: (await createUser({ staffRole: 'ADMIN' })).id,
    embassy: (await createUser({ staffRole: 'EMBASSY', missionId: mission.id })).id,
  }
  for (const [role, id] of Object.entries(users))
    cookies[role as keyof typeof cookies] = await sessionCookieFor(id)
})

const startForm = (overrides: Record<string, string> = {}) => ({
  candidateId,
  route: 'skilled-worker-81a:§18b',
  position: 'Pflegefachkraft',
  annualSalary: '52000',
  plannedStartOn: addMonths(today, 4),
  ...overrides,
})

function startCase(form: Record<string, string>, cookie = cookies.orgMember) {
  return callRoute(start.action, buildRequest(`/organizations/${orgId}/cases/new`, { cookie, form }), {
    orgId,
  })
}

async function newCase() {
  return createCase({ organizationId: orgId, candidateId, createdById: adminId })
}

async function stored(caseId: string) {
  const kase = await prisma.case.findUniqueOrThrow({
    where: { id: caseId },
    include: { events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] } },
  })
  return { ...kase, state: kase.state as unknown as CaseState }
}

const orgCaseRequest = (caseId: string, cookie: string, form?: Record<string, string | string[]>) =>
  buildRequest(`/organizations/${orgId}/cases/${caseId}`, { cookie, form })
const orgParams = (caseId: string) => ({ orgId, caseId })
const authorityRequest = (caseId: string, cookie: string, form?: Record<string, string | string[]>) =>
  buildRequest(`/authority/cases/${caseId}`, { cookie, form })

function postAsOrg(caseId: string, form: Record<string, string | string[]>, cookie = cookies.orgMember) {
  return callRoute(orgCase.action, orgCaseRequest(caseId, cookie, form), orgParams(caseId))
}

function postAsOfficer(caseId: string, form: Record<string, string | string[]>, cookie = cookies.officer) {
  return callRoute(authorityCase.action, authorityRequest(caseId, cookie, form), { caseId })
}

async function officerPage(caseId: string) {
  const page = await callRoute(authorityCase.loader, authorityRequest(caseId, cookies.officer), { caseId })
  expect(page.status).toBe(200)
  return page.data as { kase: CaseDetail; preApprovalValidUntil: string | null; isAssignedToMe: boolean }
}

describe('starting a case', () => {
  it('starts a case from the form with the next file number of the year and goes to its page', async () => {
    const result = await startCase(startForm())
    expect(result.status).toBe(302)
    const kase = await prisma.case.findFirstOrThrow({ where: { organizationId: orgId } })
    expect(kase.fileNumber).toBe(`ABH-${year}-000001`)
    expect(result.location).toBe(`/organizations/${orgId}/cases/${kase.id}`)
    expect(result.headers.get('Set-Cookie')).toContain('toast=')
    expect(kase).toMatchObject({
      procedureId: 'skilled-worker-81a',
      title: '§18b',
      position: 'Pflegefachkraft',
      annualSalary: 52_000,
    })

    const list = await callRoute(
      orgList.loader,
      buildRequest(`/organizations/${orgId}/cases`, { cookie: cookies.orgAdmin }),
      { orgId },
    )
    expect(list.status).toBe(200)
    expect(list.data).toMatchObject({
      total: 1,
      cases: [{ fileNumber: kase.fileNumber, currentStep: 'advice', currentActor: 'OFFICER' }],
    })
  })

  it('refuses a candidate of another organization and an unknown route, creating nothing', async () => {
    const before = await prisma.case.count()
    const foreign = await startCase(startForm({ candidateId: otherCandidateId }))
    expect(foreign.status).toBe(400)
    expect(foreign.data).toMatchObject({ fieldErrors: { candidateId: ['cases:validation.candidate'] } })
    const noRoute = await startCase(startForm({ route: 'skilled-worker-81a:§99' }))
    expect(noRoute.status).toBe(400)
    expect(noRoute.data).toMatchObject({ fieldErrors: { route: ['validation.choose'] } })
    const badSalary = await startCase(startForm({ annualSalary: '48.500,00' }))
    expect(badSalary.data).toMatchObject({ fieldErrors: { annualSalary: ['cases:validation.salary'] } })
    expect(await prisma.case.count()).toBe(before)
  })

  it('preselects the candidate and the title the links name', async () => {
    const path = `/organizations/${orgId}/cases/new?${new URLSearchParams({ candidate: candidateId, title: '§16a' })}`
    const page = await callRoute(start.loader, buildRequest(path, { cookie: cookies.orgMember }), { orgId })
    // § 16a exists in the accelerated procedure and on its own: the accelerated one is meant
    expect(page.data).toMatchObject({ selected: { candidateId, route: 'skilled-worker-81a:§16a' } })
    const foreign = `/organizations/${orgId}/cases/new?candidate=${otherCandidateId}&title=§18d`
    const other = await callRoute(start.loader, buildRequest(foreign, { cookie: cookies.orgMember }), {
      orgId,
    })
    expect(other.data).toMatchObject({ selected: { candidateId: undefined, route: 'research-18d:§18d' } })
  })

  it('lists the candidate’s cases on the candidate page', async () => {
    const page = await callRoute(
      candidatePage.loader,
      buildRequest(`/organizations/${orgId}/candidates/${candidateId}`, { cookie: cookies.orgMember }),
      { orgId, candidateId },
    )
    expect(page.data).toMatchObject({
      cases: expect.arrayContaining([expect.objectContaining({ title: '§18b' })]),
    })
  })

  it('offers signed-in organization members to start a case from the eligibility results', async () => {
    const url = '/eligibility?purpose=study'
    const member = await callRoute(eligibility.loader, buildRequest(url, { cookie: cookies.orgMember }))
    expect(member.data).toMatchObject({ organizations: [{ id: orgId, legalName: 'Pflege Münster GmbH' }] })
    const anonymous = await callRoute(eligibility.loader, buildRequest(url))
    expect(anonymous.data).toMatchObject({ organizations: [] })
    const html = await renderEligibility(url, member.data)
    expect(html).toContain(`href="/organizations/${orgId}/cases/new?title=%C2%A716b"`)
    expect(html).toContain('Start a case with this title')
  })
})

describe('who may see and change a case', () => {
  let caseId: string
  beforeAll(async () => {
    caseId = (await newCase()).id
  })

  it('answers 404 to a member of another organization, for the page and its action', async () => {
    const request = buildRequest(`/organizations/${otherOrgId}/cases/${caseId}`, { cookie: cookies.otherOrg })
    expect((await callRoute(orgCase.loader, request, { orgId: otherOrgId, caseId })).status).toBe(404)
    expect(
      (await callRoute(orgCase.loader, orgCaseRequest(caseId, cookies.otherOrg), orgParams(caseId))).status,
    ).toBe(404)
    const post = await postAsOrg(
      caseId,
      { intent: 'withdraw', version: '1', confirm: 'on' },
      cookies.otherOrg,
    )
    expect(post.status).toBe(404)
    expect((await stored(caseId)).status).toBe('ACTIVE')
  })

  it('shows the case to officers, and to admins, mission staff or organizations as if it did not exist', async () => {
    const page = await officerPage(caseId)
    expect(page.kase.id).toBe(caseId)
    expect(page.isAssignedToMe).toBe(false)
    for (const cookie of [cookies.admin, cookies.embassy, cookies.orgAdmin]) {
      expect(
        (await callRoute(authorityCase.loader, authorityRequest(caseId, cookie), { caseId })).status,
      ).toBe(404)
      const post = await postAsOfficer(caseId, { intent: 'assignToMe', version: '1' }, cookie)
      expect(post.status).toBe(404)
    }
    expect((await stored(caseId)).version).toBe(1)
  })

  it('refuses an officer’s action posted by the organization and changes nothing', async () => {
    const before = await stored(caseId)
    const result = await postAsOrg(caseId, {
      intent: 'completeStep',
      step: 'advice',
      version: String(before.version),
    })
    expect(result.status).toBe(403)
    expect(result.data).toMatchObject({ formError: 'workflow:errors.notAllowed' })
    const takeOver = await postAsOrg(caseId, { intent: 'assignToMe', version: String(before.version) })
    expect(takeOver.status).toBe(403)
    const after = await stored(caseId)
    expect(after.version).toBe(before.version)
    expect(after.events).toHaveLength(before.events.length)
  })

  it('refuses a rejection without a reason with the translated message, and changes nothing', async () => {
    const before = await stored(caseId)
    const result = await postAsOfficer(caseId, {
      intent: 'reject',
      version: String(before.version),
      reason: ' ',
    })
    expect(result.status).toBe(400)
    expect(result.data).toMatchObject({
      fieldErrors: { reason: ['validation.required'] },
      values: { intent: 'reject' },
    })
    expect(getResources().en!.common).toMatchObject({ validation: { required: expect.any(String) } })
    const after = await stored(caseId)
    expect(after.status).toBe('ACTIVE')
    expect(after.events).toHaveLength(before.events.length)
  })

  it('answers a stale version with 409 and the conflict message, and the page then shows the fresh state', async () => {
    const { version } = await stored(caseId)
    expect((await postAsOfficer(caseId, { intent: 'assignToMe', version: String(version) })).status).toBe(302)
    const stale = await postAsOfficer(caseId, {
      intent: 'hold',
      version: String(version),
      reason: 'Rückfrage',
    })
    expect(stale.status).toBe(409)
    expect(stale.data).toMatchObject({ formError: 'workflow:errors.conflict' })
    const after = await stored(caseId)
    expect(after).toMatchObject({ status: 'ACTIVE', version: version + 1, assignedOfficerId: officerId })
    const page = await officerPage(caseId)
    expect(page.kase.version).toBe(version + 1)
    expect(page.isAssignedToMe).toBe(true)
    expect(orgCase.shouldRevalidate({ actionStatus: 409, defaultShouldRevalidate: false } as never)).toBe(
      true,
    )
    expect(
      authorityCase.shouldRevalidate({ actionStatus: 409, defaultShouldRevalidate: false } as never),
    ).toBe(true)
    const html = await renderPage(authorityCase as RouteModule, {
      path: `/authority/cases/${caseId}`,
      pattern: '/authority/cases/:caseId',
      language: 'en',
      cookie: cookies.officer,
      params: { caseId },
      actionData: stale.data,
    })
    expect(html).toMatch(/<p class="form-error" role="alert">Someone else changed this case/)
    expect(html).toContain(`name="version" value="${version + 1}"`)
  })
})

describe('the officer records the procedure through the case page', () => {
  it('walks a § 18b case to the pre-approval with one case event per form', async () => {
    const { id } = await newCase()

    /** Posts one form the page offers the officer, and checks it was recorded once. */
    async function act(intent: string, fields: Record<string, string | string[]> = {}) {
      const before = await stored(id)
      const { kase } = await officerPage(id)
      const offered = kase.allowedActions.find(
        (action) =>
          action.type === intent &&
          (fields.step === undefined || action.step === fields.step) &&
          action.performers.includes('OFFICER'),
      )
      expect(offered, intent).toBeDefined()
      const result = await postAsOfficer(id, { intent, version: String(before.version), ...fields })
      expect(result.status, `${intent}: ${JSON.stringify(result.data)}`).toBe(302)
      expect(result.location).toBe(`/authority/cases/${id}`)
      const after = await stored(id)
      expect(after.version).toBe(before.version + 1)
      expect(after.events).toHaveLength(before.events.length + 1)
      expect(after.events.filter((event) => event.type === intent)).toHaveLength(
        before.events.filter((event) => event.type === intent).length + 1,
      )
      return { after, offered: offered! }
    }

    await act('completeStep', { step: 'advice' })
    await act('acceptDocuments', { documents: ['powerOfAttorney'] })
    let kase = (await act('recordAgreement', { contents: [...agreementContents], feePaid: 'on' })).after
    expect(kase.state.steps.agreement?.status).toBe('DONE')
    expect(kase.state.facts.isFeePaid).toBe(true)

    const offeredDocuments = (await officerPage(id)).kase.allowedActions.find(
      (action) => action.type === 'acceptDocuments',
    )!.documents!
    expect(offeredDocuments).toEqual(expect.arrayContaining(['passportCopy', 'employmentContract']))
    kase = (await act('acceptDocuments', { documents: [...offeredDocuments] })).after
    expect(kase.state.facts.acceptedDocuments).toEqual(expect.arrayContaining([...offeredDocuments]))

    kase = (await act('recordDocumentsComplete')).after
    expect(kase.state.steps.documents?.status).toBe('DONE')
    await act('startStep', { step: 'recognition' })
    kase = (
      await act('recordRecognition', {
        outcome: 'EQUIVALENT',
        noticeDate: today,
        body: 'Bezirksregierung Münster',
      })
    ).after
    expect(kase.state.steps.recognition).toMatchObject({ status: 'DONE', outcome: 'EQUIVALENT' })

    kase = (await act('startStep', { step: 'baApproval' })).after
    expect(kase.state.steps.baApproval?.status).toBe('WAITING')
    kase = (await act('recordBaApproval', { decision: 'GRANTED' })).after
    expect(kase.state.steps.baApproval).toMatchObject({ status: 'DONE', outcome: 'GRANTED' })

    expect((await officerPage(id)).preApprovalValidUntil).toBe(addMonths(today, 3))
    kase = (await act('issuePreApproval')).after
    expect(kase.state.steps.preApproval).toMatchObject({ status: 'DONE', completedOn: today })
    expect(kase.state.facts.preApprovalValidUntil).toBe(addMonths(today, 3))
    expect(kase.events.at(-1)).toMatchObject({
      type: 'issuePreApproval',
      actorId: officerId,
      performer: 'OFFICER',
    })
    expect(kase.currentStep).toBe('appointment')
  })

  it('refuses an incomplete agreement with the engine’s reason', async () => {
    const { id } = await newCase()
    await advanceCase(id, officerId, [
      { type: 'completeStep', step: 'advice' },
      { type: 'acceptDocuments', documents: ['powerOfAttorney'] },
    ])
    const before = await stored(id)
    const result = await postAsOfficer(id, {
      intent: 'recordAgreement',
      version: String(before.version),
      contents: agreementContents.slice(0, 7),
    })
    expect(result.status).toBe(400)
    expect(result.data).toMatchObject({ formError: 'workflow:errors.agreementIncomplete' })
    expect((await stored(id)).version).toBe(before.version)
  })

  it('asks the organization for information, which it answers on its page', async () => {
    const { id } = await newCase()
    const request = await postAsOfficer(id, {
      intent: 'requestInformation',
      version: '1',
      reason: 'Bitte den Arbeitsvertrag mit Unterschrift nachreichen.',
    })
    expect(request.status).toBe(302)
    expect((await stored(id)).state).toMatchObject({
      status: 'WAITING_FOR_ORG',
      statusReason: 'Bitte den Arbeitsvertrag mit Unterschrift nachreichen.',
    })
    const html = await renderPage(orgCase as RouteModule, {
      path: `/organizations/${orgId}/cases/${id}`,
      pattern: '/organizations/:orgId/cases/:caseId',
      language: 'de',
      cookie: cookies.orgMember,
      params: orgParams(id),
    })
    expect(html).toContain('Bitte den Arbeitsvertrag mit Unterschrift nachreichen.')
    expect(html).toContain('name="intent" value="resumeFromOrg"')
    const answered = await postAsOrg(id, { intent: 'resumeFromOrg', version: '2' })
    expect(answered.status).toBe(302)
    const kase = await stored(id)
    expect(kase.status).toBe('ACTIVE')
    expect(kase.events.at(-1)).toMatchObject({ type: 'resumeFromOrg', performer: 'ORG' })
  })

  it('lets the organization withdraw only with the confirmation ticked', async () => {
    const { id } = await newCase()
    const unconfirmed = await postAsOrg(id, { intent: 'withdraw', version: '1' })
    expect(unconfirmed.status).toBe(400)
    expect(unconfirmed.data).toMatchObject({ fieldErrors: { confirm: ['cases:validation.confirm'] } })
    expect((await stored(id)).status).toBe('ACTIVE')
    const confirmed = await postAsOrg(id, { intent: 'withdraw', version: '1', confirm: 'on' })
    expect(confirmed.status).toBe(302)
    expect(confirmed.location).toBe(`/organizations/${orgId}/cases/${id}`)
    expect((await stored(id)).status).toBe('WITHDRAWN')
  })
})

describe('the officer queue', () => {
  it('filters by whose cases they are', async () => {
    const mine = await newCase()
    await postAsOfficer(mine.id, { intent: 'assignToMe', version: '1' })
    const unassigned = await newCase()
    const load = async (scope: string) => {
      const request = buildRequest(`/authority/cases?scope=${scope}&status=all`, { cookie: cookies.officer })
      const page = await callRoute(authorityList.loader, request)
      expect(page.status).toBe(200)
      return (page.data as { cases: { id: string }[] }).cases.map((kase) => kase.id)
    }
    expect(await load('mine')).toContain(mine.id)
    expect(await load('mine')).not.toContain(unassigned.id)
    expect(await load('unassigned')).toContain(unassigned.id)
    expect(await load('unassigned')).not.toContain(mine.id)
    expect(await load('all')).toEqual(expect.arrayContaining([mine.id, unassigned.id]))
    for (const cookie of [cookies.admin, cookies.embassy, cookies.orgMember]) {
      expect(
        (await callRoute(authorityList.loader, buildRequest('/authority/cases', { cookie }))).status,
      ).toBe(403)
    }
  })
})

/** Texts that are i18n keys rather than translations: a namespace prefix or a bare key path. */
const UNTRANSLATED =
  /\b(?:cases|workflow|common|candidates):|\b(?:steps|guidance|actions|stepper|whatNext|list|fields|summary|history|assign|deadline|start|outcomes|documents|titles|procedures|actors|performers|stepStatus|caseStatus|skipReasons|events|agreementContents|waitingFor|deadlineKinds|completeStep|startStep|validation|toast)\.[a-zA-Z§]/

function renderPage(
  module: RouteModule,
  options: Omit<Parameters<typeof renderSharedPage>[1], 'untranslated'>,
) {
  return renderSharedPage(module, { ...options, untranslated: UNTRANSLATED })
}

async function renderEligibility(url: string, data: unknown) {
  const Stub = createRemixStub([
    {
      id: 'root',
      path: '/',
      Component: Outlet,
      children: [{ id: 'page', path: 'eligibility', Component: eligibility.default }],
    },
  ])
  return renderToString(
    <I18nextProvider i18n={await translator('en')}>
      <Stub
        initialEntries={[url]}
        hydrationData={{ loaderData: { root: { locale: 'en', toast: null, user: null }, page: data } }}
      />
    </I18nextProvider>,
  )
}

describe('the case pages render in every language', () => {
  const path = skilledWorkerPath(today)
  const cases = {} as Record<'agreement' | 'baWaiting' | 'preApproval' | 'overdue', string>
  beforeAll(async () => {
    const agreement = await newCase()
    await advanceCase(agreement.id, officerId, path.toBaRequest.slice(0, 2))
    const baWaiting = await newCase()
    await advanceCase(baWaiting.id, officerId, path.toBaRequest)
    const preApproval = await newCase()
    await advanceCase(preApproval.id, officerId, path.toBaApproved)
    // The BA's week ended three days ago without an answer that the job recorded.
    const overdue = await newCase()
    await advanceCase(overdue.id, officerId, path.toBaRequest)
    const { state } = await stored(overdue.id)
    const lastDay = addDays(today, -3)
    const steps = { ...state.steps, baApproval: { ...state.steps.baApproval!, dueOn: lastDay } }
    await prisma.case.update({
      where: { id: overdue.id },
      data: { state: { ...state, steps }, nextDueOn: fromDateOnly(lastDay) },
    })
    Object.assign(cases, {
      agreement: agreement.id,
      baWaiting: baWaiting.id,
      preApproval: preApproval.id,
      overdue: overdue.id,
    })
  })

  it('says in words that a deadline has passed, in the queue and on the case page', async () => {
    const list = await renderPage(authorityList as RouteModule, {
      path: '/authority/cases',
      pattern: '/authority/cases',
      language: 'en',
      cookie: cookies.officer,
      params: {},
    })
    expect(list.match(/<span class="badge badge-overdue">Overdue<\/span>/g)).toHaveLength(1)
    const page = await renderPage(authorityCase as RouteModule, {
      path: `/authority/cases/${cases.overdue}`,
      pattern: '/authority/cases/:caseId',
      language: 'en',
      cookie: cookies.officer,
      params: { caseId: cases.overdue },
    })
    // in the panel and in the stepper; and the deemed approval is now offered
    expect(page.match(/<span class="badge badge-overdue">Overdue<\/span>/g)).toHaveLength(2)
    expect(page).toContain('name="intent" value="deemBaApprovalGranted"')
    expect(page).toMatch(
      /<li class="case-step case-step-waiting" data-step="baApproval" aria-current="step">/,
    )
  })

  for (const language of supportedLanguages) {
    it(`organization list, start form and case page (${language})`, async () => {
      const list = await renderPage(orgList as RouteModule, {
        path: `/organizations/${orgId}/cases?status=all`,
        pattern: '/organizations/:orgId/cases',
        language,
        cookie: cookies.orgMember,
        params: { orgId },
      })
      expect(list).toContain(`href="/organizations/${orgId}/cases/new"`)
      expect(list).toMatch(/ABH-\d{4}-\d{6}/)

      const form = await renderPage(start as RouteModule, {
        path: `/organizations/${orgId}/cases/new?candidate=${candidateId}&title=%C2%A718b`,
        pattern: '/organizations/:orgId/cases/new',
        language,
        cookie: cookies.orgMember,
        params: { orgId },
      })
      expect(form.match(/<optgroup /g)).toHaveLength(4)
      expect(form).toMatch(/<option value="skilled-worker-81a:§18b" selected="">/)
      expect(form).toContain('href="/eligibility"')

      const page = await renderPage(orgCase as RouteModule, {
        path: `/organizations/${orgId}/cases/${cases.baWaiting}`,
        pattern: '/organizations/:orgId/cases/:caseId',
        language,
        cookie: cookies.orgMember,
        params: orgParams(cases.baWaiting),
      })
      expect(page).toContain('<ol class="case-stepper">')
      expect(page.match(/aria-current="step"/g)).toHaveLength(1)
      expect(page).toContain('<ol class="case-history">')
      expect(page).toContain(`href="/organizations/${orgId}/candidates/${candidateId}"`)
      // the organization may only withdraw here; the officer's forms are not on its page
      expect(page).toContain('name="intent" value="withdraw"')
      expect(page).not.toContain('name="intent" value="recordBaApproval"')
    })

    it(`officer queue and case pages with their forms (${language})`, async () => {
      await renderPage(authorityList as RouteModule, {
        path: '/authority/cases',
        pattern: '/authority/cases',
        language,
        cookie: cookies.officer,
        params: {},
      })
      const agreement = await renderPage(authorityCase as RouteModule, {
        path: `/authority/cases/${cases.agreement}`,
        pattern: '/authority/cases/:caseId',
        language,
        cookie: cookies.lead,
        params: { caseId: cases.agreement },
      })
      expect(agreement.match(/name="contents"/g)).toHaveLength(8)
      expect(agreement).toContain('name="intent" value="assignToMe"')
      expect(agreement).toContain('name="intent" value="reject"')

      const waiting = await renderPage(authorityCase as RouteModule, {
        path: `/authority/cases/${cases.baWaiting}`,
        pattern: '/authority/cases/:caseId',
        language,
        cookie: cookies.officer,
        params: { caseId: cases.baWaiting },
      })
      expect(waiting).toContain('name="intent" value="recordBaApproval"')
      expect(waiting).toContain('name="intent" value="recordBaInformationRequest"')
      // the week has not passed: the deemed approval is announced, not offered
      expect(waiting).not.toContain('name="intent" value="deemBaApprovalGranted"')
      expect(waiting).toContain('class="notice"')

      const preApproval = await renderPage(authorityCase as RouteModule, {
        path: `/authority/cases/${cases.preApproval}`,
        pattern: '/authority/cases/:caseId',
        language,
        cookie: cookies.officer,
        params: { caseId: cases.preApproval },
      })
      expect(preApproval).toContain('name="intent" value="issuePreApproval"')
    })
  }
})
