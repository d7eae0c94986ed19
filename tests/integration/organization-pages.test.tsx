import { createRemixStub } from '@remix-run/testing'
import { createInstance } from 'i18next'
import type { ComponentType } from 'react'
import { renderToString } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import * as authorityDetail from '~/routes/authority.organizations.$orgId'
import * as authorityList from '~/routes/authority.organizations._index'
import * as dashboard from '~/routes/dashboard'
import * as invitation from '~/routes/invitation'
import * as overview from '~/routes/organizations.$orgId._index'
import * as members from '~/routes/organizations.$orgId.members'
import * as registration from '~/routes/organizations.new'
import { i18nOptions, supportedLanguages } from '~/utils/i18n'
import { getResources } from '~/utils/i18n.server'
import { hashToken } from '~/utils/crypto.server'
import { prisma } from '~/utils/db.server'

import { addMember, createOrganization, createUser } from '../factories'
import { buildRequest, callRoute, sessionCookieFor } from '../support/requests'

// The router's layout effects cannot run in a server render; React says so once per page. Nothing else is muted.
beforeAll(() => {
  const original = console.error
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (String(args[0]).includes('useLayoutEffect does nothing on the server')) return
    original(...args)
  })
})

type RouteModule = {
  default: ComponentType
  loader: Parameters<typeof callRoute>[0]
}

/** Renders a page the way the server does, with the data its real loader returned. */
async function renderPage(
  module: RouteModule,
  path: string,
  pattern: string,
  language: string,
  cookie?: string,
  params: Record<string, string> = {},
) {
  const loaded = await callRoute(module.loader, buildRequest(path, { cookie }), params)
  expect(loaded.status, path).toBeLessThan(500)
  const i18n = createInstance()
  await i18n.use(initReactI18next).init({ ...i18nOptions, lng: language, resources: getResources() })
  const Stub = createRemixStub([{ id: 'page', path: pattern, Component: module.default }])
  return renderToString(
    <I18nextProvider i18n={i18n}>
      <Stub initialEntries={[path]} hydrationData={{ loaderData: { page: loaded.data } }} />
    </I18nextProvider>,
  )
}

function expectWellFormed(html: string, language: string) {
  expect(html.match(/<h1[\s>]/g), 'exactly one h1').toHaveLength(1)
  // An untranslated key would show up as its dotted path.
  expect(html).not.toMatch(/\b(organizations|common):[a-z]/)
  expect(html).not.toMatch(/>[a-z]+(\.[a-zA-Z_]+){1,}</)
  if (language === 'ar') expect(html).toMatch(/[\u0600-\u06FF]/)
}

describe('the organization pages render in every language', async () => {
  const admin = await createUser({ name: 'Hanna Reimann' })
  const adminCookie = await sessionCookieFor(admin.id)
  const organization = await createOrganization({ createdById: admin.id, status: 'REJECTED' })
  await prisma.organization.update({
    where: { id: organization.id },
    data: { decisionReason: 'Die Handelsregisternummer fehlt.\n\nBitte ergänzen Sie sie.' },
  })
  const member = await createUser()
  await addMember(organization.id, member.id)
  const lead = await createUser({ staffRole: 'LEAD_OFFICER' })
  const leadCookie = await sessionCookieFor(lead.id)
  const pending = await createOrganization({ createdById: (await createUser()).id, status: 'PENDING' })
  const newcomerToken = 'a-token-known-to-this-test'
  await prisma.invitation.create({
    data: {
      organizationId: organization.id,
      email: 'newcomer@example.test',
      role: 'ORG_ADMIN',
      tokenHash: hashToken(newcomerToken),
      expiresAt: new Date(Date.now() + 60_000),
      invitedById: admin.id,
    },
  })
  const unverifiedCookie = await sessionCookieFor((await createUser({ isVerified: false })).id)
  await callRoute(
    members.action,
    buildRequest(`/organizations/${organization.id}/members`, {
      cookie: adminCookie,
      form: { intent: 'invite', email: 'invitee@example.test', role: 'ORG_MEMBER', locale: 'de' },
    }),
    { orgId: organization.id },
  )

  const renderMembersPage = () =>
    renderPage(
      members,
      `/organizations/${organization.id}/members`,
      '/organizations/:orgId/members',
      'de',
      adminCookie,
      { orgId: organization.id },
    )

  for (const language of supportedLanguages) {
    it(`renders each page in ${language}`, async () => {
      const pages: [RouteModule, string, string, string | undefined, Record<string, string>][] = [
        [dashboard, '/dashboard', '/dashboard', adminCookie, {}],
        [dashboard, '/dashboard', '/dashboard', leadCookie, {}],
        [registration, '/organizations/new', '/organizations/new', adminCookie, {}],
        [
          overview,
          `/organizations/${organization.id}`,
          '/organizations/:orgId',
          adminCookie,
          { orgId: organization.id },
        ],
        [
          members,
          `/organizations/${organization.id}/members`,
          '/organizations/:orgId/members',
          adminCookie,
          { orgId: organization.id },
        ],
        [authorityList, '/authority/organizations', '/authority/organizations', leadCookie, {}],
        [
          authorityDetail,
          `/authority/organizations/${pending.id}`,
          '/authority/organizations/:orgId',
          leadCookie,
          { orgId: pending.id },
        ],
        [invitation, '/invitation?token=unknown', '/invitation', undefined, {}],
        [invitation, `/invitation?token=${newcomerToken}`, '/invitation', undefined, {}],
        [invitation, `/invitation?token=${newcomerToken}`, '/invitation', adminCookie, {}],
        [registration, '/organizations/new', '/organizations/new', unverifiedCookie, {}],
        [dashboard, '/dashboard', '/dashboard', unverifiedCookie, {}],
      ]
      for (const [module, path, pattern, cookie, params] of pages) {
        const html = await renderPage(module, path, pattern, language, cookie, params)
        expectWellFormed(html, language)
      }
    })
  }

  it('shows the rejection reason, the members and the open invitation', async () => {
    const page = await renderPage(
      overview,
      `/organizations/${organization.id}`,
      '/organizations/:orgId',
      'en',
      adminCookie,
      { orgId: organization.id },
    )
    expect(page).toContain('<p>Die Handelsregisternummer fehlt.</p><p>Bitte ergänzen Sie sie.</p>')
    expect(page).toContain('Rejected')
    const list = await renderMembersPage()
    expect(list).toContain('invitee@example.test')
    expect(list).toContain(`${member.name} entfernen`)
    // Hanna Reimann is the only admin: the server would refuse, so the page does not offer it.
    expect(list).toContain('Hanna Reimann')
    expect(list).not.toContain('Hanna Reimann entfernen')
  })

  it('offers to remove an admin once the organization has another one', async () => {
    const secondAdmin = await createUser({ name: 'Karim Haddad' })
    await addMember(organization.id, secondAdmin.id, 'ORG_ADMIN')
    const list = await renderMembersPage()
    expect(list).toContain('Hanna Reimann entfernen')
    expect(list).toContain('Karim Haddad entfernen')
  })

  it('offers the decision to lead officers only', async () => {
    const officerCookie = await sessionCookieFor((await createUser({ staffRole: 'OFFICER' })).id)
    const render = (cookie: string) =>
      renderPage(
        authorityDetail,
        `/authority/organizations/${pending.id}`,
        '/authority/organizations/:orgId',
        'en',
        cookie,
        {
          orgId: pending.id,
        },
      )
    expect(await render(leadCookie)).toContain('Verify organization')
    const asOfficer = await render(officerCookie)
    expect(asOfficer).not.toContain('Verify organization')
    expect(asOfficer).toContain('Only a lead officer can verify or reject it.')
  })
})
