import { beforeAll, describe, expect, it } from 'vitest'

import * as detail from '~/routes/organizations.$orgId.candidates.$candidateId'
import * as list from '~/routes/organizations.$orgId.candidates._index'
import * as registration from '~/routes/organizations.$orgId.candidates.new'
import { addMonths, todayDateOnly } from '~/utils/date-only'
import { prisma } from '~/utils/db.server'
import type { FormReply } from '~/utils/forms'

import { addMember, createCandidate, createOrganization, createUser } from '../factories'
import { buildRequest, callRoute, sessionCookieFor } from '../support/requests'
import { rowCounts } from '../support/row-counts'

import { candidateForm } from './helpers/candidates'
import { erroneousFields, expectTranslated, fieldMessages } from './helpers/form-replies'

let orgId: string
let memberId: string
let cookie: string
let outsiderCookie: string

beforeAll(async () => {
  const admin = await createUser()
  // unverified organizations may already register candidates
  const organization = await createOrganization({ createdById: admin.id, status: 'PENDING' })
  const member = await createUser()
  await addMember(organization.id, member.id)
  const outsider = await createUser()
  await createOrganization({ createdById: outsider.id })
  orgId = organization.id
  memberId = member.id
  cookie = await sessionCookieFor(member.id)
  outsiderCookie = await sessionCookieFor(outsider.id)
})

function register(form: Record<string, string>, as = cookie) {
  return callRoute(
    registration.action,
    buildRequest(`/organizations/${orgId}/candidates/new`, { cookie: as, form }),
    { orgId },
  )
}

describe('registering a candidate', () => {
  it('stores the candidate as in the passport, audited, and opens its page', async () => {
    const form = candidateForm({ givenNames: 'Ahmad Ali', surname: "O'Neil-Ḥaddād" })
    const result = await register(form)
    expect(result.status).toBe(302)
    const candidate = await prisma.candidate.findFirstOrThrow({
      where: { organizationId: orgId, passportNumber: form.passportNumber!.toUpperCase() },
    })
    expect(result.location).toBe(`/organizations/${orgId}/candidates/${candidate.id}`)
    expect(result.headers.get('Set-Cookie')).toContain('toast=')
    expect(candidate).toMatchObject({
      surname: "O'Neil-Ḥaddād",
      givenNames: 'Ahmad Ali',
      nationality: 'EG',
      email: 'anna.mueller@example.test',
      qualificationKind: 'ACADEMIC',
      qualificationYear: 2018,
      createdById: memberId,
    })
    expect(candidate.dateOfBirth.toISOString()).toBe('1995-04-12T00:00:00.000Z')
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'candidate.created', subjectId: candidate.id },
    })
    expect(audit.actorId).toBe(memberId)
  })

  const today = todayDateOnly()
  const badInputs: [string, Record<string, string>, string[]][] = [
    [
      'empty fields',
      Object.fromEntries(Object.keys(candidateForm()).map((field) => [field, ''])),
      [
        'countryOfResidence',
        'dateOfBirth',
        'email',
        'givenNames',
        'nationality',
        'passportExpiry',
        'passportNumber',
        'phone',
        'placeOfBirth',
        'preferredLanguage',
        'qualificationCountry',
        'qualificationKind',
        'qualificationTitle',
        'qualificationYear',
        'surname',
      ],
    ],
    [
      'too long names',
      { surname: 'A'.repeat(101), placeOfBirth: 'B'.repeat(101) },
      ['placeOfBirth', 'surname'],
    ],
    ['digits in a name', { givenNames: 'Anna 2' }, ['givenNames']],
    [
      'impossible or implausible dates',
      { dateOfBirth: '2020-01-01', passportExpiry: '2030-02-30', intendedEntryDate: 'soon' },
      ['dateOfBirth', 'intendedEntryDate', 'passportExpiry'],
    ],
    ['a candidate over 80', { dateOfBirth: `${Number(today.slice(0, 4)) - 81}-01-01` }, ['dateOfBirth']],
    ['an expired passport', { passportExpiry: addMonths(today, -1) }, ['passportExpiry']],
    ['a passport number with symbols', { passportNumber: 'AB-12#34' }, ['passportNumber']],
    [
      'an unknown country',
      { nationality: 'XX', qualificationCountry: 'Germany' },
      ['nationality', 'qualificationCountry'],
    ],
    ['a bad email address', { email: 'anna@' }, ['email']],
    [
      'a qualification from the future',
      { qualificationYear: String(Number(today.slice(0, 4)) + 1) },
      ['qualificationYear'],
    ],
    ['an unsupported language', { preferredLanguage: 'fr' }, ['preferredLanguage']],
  ]

  for (const [name, overrides, fields] of badInputs) {
    it(`refuses ${name} with translated messages and writes nothing`, async () => {
      const before = await rowCounts()
      const result = await register(candidateForm(overrides))
      expect(result.status).toBe(400)
      expect(erroneousFields(result.data)).toEqual(fields)
      await fieldMessages(result)
      expect(await rowCounts()).toEqual(before)
    })
  }

  it('warns about a passport already registered anywhere, and registers once confirmed', async () => {
    const otherAdmin = await createUser()
    const otherOrganization = await createOrganization({ createdById: otherAdmin.id })
    await createCandidate({
      organizationId: otherOrganization.id,
      createdById: otherAdmin.id,
      passportNumber: 'DUP123456',
      nationality: 'IN',
    })
    const form = candidateForm({ passportNumber: 'dup 123456', nationality: 'IN' })
    const before = await rowCounts()
    const warned = await register(form)
    expect(warned.status).toBe(400)
    expect(erroneousFields(warned.data)).toEqual(['confirmDuplicate'])
    await expectTranslated(warned.data)
    const reply = warned.data as FormReply
    expect(reply.values?.surname).toBe('Müller')
    // only a count: nothing about the other organization or its candidate
    expect(JSON.stringify(reply)).not.toContain(otherOrganization.id)
    expect(JSON.stringify(reply)).not.toContain('Haddad')
    expect(await rowCounts()).toEqual(before)

    const confirmed = await register({ ...form, confirmDuplicate: 'on' })
    expect(confirmed.status).toBe(302)
    expect(await prisma.candidate.count({ where: { passportNumber: 'DUP123456', nationality: 'IN' } })).toBe(
      2,
    )
  })

  it('warns when the passport expires less than 6 months after the intended entry, and saves once confirmed', async () => {
    const form = candidateForm({
      intendedEntryDate: addMonths(todayDateOnly(), 2),
      passportExpiry: addMonths(todayDateOnly(), 5),
    })
    const before = await rowCounts()
    const warned = await register(form)
    expect(warned.status).toBe(400)
    expect(erroneousFields(warned.data)).toEqual(['confirmPassportExpiry'])
    await expectTranslated(warned.data)
    expect(await rowCounts()).toEqual(before)

    const confirmed = await register({ ...form, confirmPassportExpiry: 'on' })
    expect(confirmed.status).toBe(302)
  })

  it('measures the passport against today when no entry date is planned', async () => {
    const form = candidateForm({ intendedEntryDate: '', passportExpiry: addMonths(todayDateOnly(), 5) })
    const warned = await register(form)
    expect(erroneousFields(warned.data)).toEqual(['confirmPassportExpiry'])
    const valid = await register(
      candidateForm({ intendedEntryDate: '', passportExpiry: addMonths(todayDateOnly(), 7) }),
    )
    expect(valid.status).toBe(302)
  })
})

describe('the candidate list', () => {
  it('finds "Müller" when searching for "müller", and only the organization\'s own', async () => {
    await createCandidate({ organizationId: orgId, createdById: memberId, surname: 'MÜLLER' })
    await createCandidate({ organizationId: orgId, createdById: memberId, surname: 'Schmidt' })
    const result = await callRoute(
      list.loader,
      buildRequest(`/organizations/${orgId}/candidates?q=müller`, { cookie }),
      { orgId },
    )
    expect(result.status).toBe(200)
    const { candidates } = result.data as { candidates: { surname: string }[] }
    expect(candidates.length).toBeGreaterThan(0)
    expect(candidates.every((candidate) => candidate.surname.toLowerCase() === 'müller')).toBe(true)
    expect(candidates.map((candidate) => candidate.surname)).toContain('MÜLLER')

    const both = await callRoute(
      list.loader,
      buildRequest(`/organizations/${orgId}/candidates?q=omar+müller`, { cookie }),
      { orgId },
    )
    expect((both.data as { candidates: { surname: string }[] }).candidates.map((c) => c.surname)).toEqual([
      'MÜLLER',
    ])
  })
})

describe('editing a candidate', () => {
  it('saves the changes with an audit of the changed field names', async () => {
    const candidate = await createCandidate({ organizationId: orgId, createdById: memberId })
    const form = candidateForm({
      surname: 'Haddad',
      givenNames: 'Omar Khalid',
      passportNumber: candidate.passportNumber,
      nationality: candidate.nationality,
    })
    const result = await callRoute(
      detail.action,
      buildRequest(`/organizations/${orgId}/candidates/${candidate.id}`, { cookie, form }),
      { orgId, candidateId: candidate.id },
    )
    expect(result.status).toBe(302)
    const updated = await prisma.candidate.findUniqueOrThrow({ where: { id: candidate.id } })
    expect(updated.givenNames).toBe('Omar Khalid')
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'candidate.updated', subjectId: candidate.id },
    })
    expect(audit.data).toMatchObject({ changedFields: expect.arrayContaining(['givenNames']) })
    expect(JSON.stringify(audit.data)).not.toContain('Omar')
  })
})

describe("another organization's member", () => {
  it('gets 404 for the list, the form, a candidate and every submission', async () => {
    const candidate = await createCandidate({ organizationId: orgId, createdById: memberId })
    const before = await rowCounts()
    const base = `/organizations/${orgId}/candidates`
    const results = await Promise.all([
      callRoute(list.loader, buildRequest(base, { cookie: outsiderCookie }), { orgId }),
      callRoute(registration.loader, buildRequest(`${base}/new`, { cookie: outsiderCookie }), { orgId }),
      register(candidateForm(), outsiderCookie),
      callRoute(detail.loader, buildRequest(`${base}/${candidate.id}`, { cookie: outsiderCookie }), {
        orgId,
        candidateId: candidate.id,
      }),
      callRoute(
        detail.action,
        buildRequest(`${base}/${candidate.id}`, { cookie: outsiderCookie, form: candidateForm() }),
        { orgId, candidateId: candidate.id },
      ),
    ])
    expect(results.map((result) => result.status)).toEqual([404, 404, 404, 404, 404])
    expect(await rowCounts()).toEqual(before)
  })

  it("gets 404 for another organization's candidate under its own organization", async () => {
    const outsider = await createUser()
    const ownOrganization = await createOrganization({ createdById: outsider.id })
    const candidate = await createCandidate({ organizationId: orgId, createdById: memberId })
    const result = await callRoute(
      detail.loader,
      buildRequest(`/organizations/${ownOrganization.id}/candidates/${candidate.id}`, {
        cookie: await sessionCookieFor(outsider.id),
      }),
      { orgId: ownOrganization.id, candidateId: candidate.id },
    )
    expect(result.status).toBe(404)
  })
})
