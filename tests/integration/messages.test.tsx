import { Outlet } from '@remix-run/react'
import { createRemixStub } from '@remix-run/testing'
import { renderToString } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { AppShell } from '~/components/app-shell'
import { MessageBody } from '~/components/messages/message-body'
import { countUnread, organizationReader, postMessage } from '~/models/message.server'
import * as root from '~/root'
import * as authorityCase from '~/routes/authority.cases.$caseId'
import * as authorityMessages from '~/routes/authority.cases.$caseId_.messages'
import * as inbox from '~/routes/inbox'
import * as orgCase from '~/routes/organizations.$orgId.cases.$caseId'
import * as orgMessages from '~/routes/organizations.$orgId.cases.$caseId_.messages'
import { prisma } from '~/utils/db.server'
import { supportedLanguages } from '~/utils/i18n'
import { getResources } from '~/utils/i18n.server'

import {
  addMember,
  createCandidate,
  createCase,
  createMission,
  createOrganization,
  createUser,
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

const roles = ['orgAdmin', 'orgMember', 'otherOrg', 'officer', 'otherOfficer', 'admin', 'embassy'] as const
type Role = (typeof roles)[number]
const ids = {} as Record<Role, string>
const cookies = {} as Record<Role, string>
let orgId: string
let otherOrgId: string
let candidateId: string

beforeAll(async () => {
  const orgAdmin = await createUser()
  const organization = await createOrganization({ createdById: orgAdmin.id })
  const orgMember = await createUser({ name: 'Petra Schulte' })
  await addMember(organization.id, orgMember.id)
  const otherOrg = await createUser()
  const otherOrganization = await createOrganization({ createdById: otherOrg.id })
  const mission = await createMission()
  const users = {
    orgAdmin,
    orgMember,
    otherOrg,
    officer: await createUser({ staffRole: 'OFFICER', name: 'Anna Schmidt' }),
    otherOfficer: await createUser({ staffRole: 'OFFICER' }),
    admin: await createUser({ staffRole: 'ADMIN' }),
    embassy: await createUser({ staffRole: 'EMBASSY', missionId: mission.id }),
  }
  for (const role of roles) {
    ids[role] = users[role].id
    cookies[role] = await sessionCookieFor(users[role].id)
  }
  orgId = organization.id
  otherOrgId = otherOrganization.id
  candidateId = (await createCandidate({ organizationId: orgId, createdById: orgAdmin.id })).id
})

async function newCase(assignedOfficerId: string | null = null) {
  const { id, fileNumber } = await createCase({
    organizationId: orgId,
    candidateId,
    createdById: ids.orgAdmin,
  })
  if (assignedOfficerId) await prisma.case.update({ where: { id }, data: { assignedOfficerId } })
  return { id, fileNumber }
}

const orgPath = (caseId: string) => `/organizations/${orgId}/cases/${caseId}/messages`
const authorityPath = (caseId: string) => `/authority/cases/${caseId}/messages`

function postAsOrg(caseId: string, form: Record<string, string>, role: Role = 'orgMember') {
  return callRoute(orgMessages.action, buildRequest(orgPath(caseId), { cookie: cookies[role], form }), {
    orgId,
    caseId,
  })
}

function postAsOfficer(caseId: string, form: Record<string, string>, role: Role = 'officer') {
  return callRoute(
    authorityMessages.action,
    buildRequest(authorityPath(caseId), { cookie: cookies[role], form }),
    {
      caseId,
    },
  )
}

function orgPage(caseId: string, role: Role = 'orgMember') {
  return callRoute(orgMessages.loader, buildRequest(orgPath(caseId), { cookie: cookies[role] }), {
    orgId,
    caseId,
  })
}

function officerPage(caseId: string, role: Role = 'officer') {
  return callRoute(authorityMessages.loader, buildRequest(authorityPath(caseId), { cookie: cookies[role] }), {
    caseId,
  })
}

function inboxOf(role: Role, search = '') {
  return callRoute(inbox.loader, buildRequest(`/inbox${search}`, { cookie: cookies[role] }))
}

/** The count the navigation shows, through the root loader. */
async function navigationCount(role: Role) {
  const result = await callRoute(root.loader, buildRequest('/dashboard', { cookie: cookies[role] }))
  return (result.data as { user: { unreadMessages: number | null } }).user.unreadMessages
}

type PageMessage = {
  id: string
  body: string
  visibility: string
  side: string
  authorName: string
  isUnread: boolean
}
const messagesOf = (data: unknown) => (data as { messages: PageMessage[] }).messages

/** Counts span every case of a reader: each group starts from an empty conversation table. */
async function withoutMessages() {
  await prisma.messageRead.deleteMany()
  await prisma.message.deleteMany()
}

describe('a question and its answer', () => {
  beforeAll(withoutMessages)

  it('reaches the officer unread, is read by opening the conversation, and the answer reaches the organization', async () => {
    const { id: caseId } = await newCase()
    const asked = await postAsOrg(caseId, { body: '  Welche Unterlagen fehlen noch?\nDanke!  ' })
    expect(asked.status).toBe(302)
    const stored = await prisma.message.findFirstOrThrow({ where: { caseId }, include: { reads: true } })
    expect(asked.location).toBe(`${orgPath(caseId)}#message-${stored.id}`)
    expect(stored).toMatchObject({
      body: 'Welche Unterlagen fehlen noch?\nDanke!',
      visibility: 'ORGANIZATION',
    })
    // the author has read their own message
    expect(stored.reads.map((read) => read.userId)).toEqual([ids.orgMember])

    expect(await navigationCount('officer')).toBe(1)
    expect(await navigationCount('orgMember')).toBe(0)
    const casePage = await callRoute(
      authorityCase.loader,
      buildRequest(`/authority/cases/${caseId}`, { cookie: cookies.officer }),
      { caseId },
    )
    expect(casePage.data).toMatchObject({ unreadMessages: 1 })

    const page = await officerPage(caseId)
    expect(page.status).toBe(200)
    expect(messagesOf(page.data)).toEqual([
      expect.objectContaining({ side: 'organization', authorName: 'Petra Schulte', isUnread: true }),
    ])
    expect(await navigationCount('officer')).toBe(0)
    expect(messagesOf((await officerPage(caseId)).data)[0]!.isUnread).toBe(false)

    const answered = await postAsOfficer(caseId, {
      body: 'Es fehlt nur noch der Arbeitsvertrag.',
      visibility: 'ORGANIZATION',
    })
    expect(answered.status).toBe(302)
    expect(await navigationCount('orgMember')).toBe(1)
    // a colleague's question and the answer: members share their organization's conversations
    expect(await navigationCount('orgAdmin')).toBe(2)
    expect(await navigationCount('officer')).toBe(0)
    const orgCasePage = await callRoute(
      orgCase.loader,
      buildRequest(`/organizations/${orgId}/cases/${caseId}`, { cookie: cookies.orgMember }),
      { orgId, caseId },
    )
    expect(orgCasePage.data).toMatchObject({ unreadMessages: 1 })
    const thread = messagesOf((await orgPage(caseId)).data)
    expect(thread.map((message) => message.side)).toEqual(['organization', 'authority'])
    expect(await navigationCount('orgMember')).toBe(0)
    // reading is per person: the other member has not read anything yet
    expect(await navigationCount('orgAdmin')).toBe(2)
  })

  it('marks a message unread again and sends the reader to the inbox; one’s own message cannot be', async () => {
    const { id: caseId } = await newCase()
    await postAsOfficer(caseId, { body: 'Bitte buchen Sie den Visumtermin.', visibility: 'ORGANIZATION' })
    const [message] = messagesOf((await orgPage(caseId)).data)
    expect(await countUnread(organizationReader(ids.orgMember, orgId))).toBe(0)
    const marked = await postAsOrg(caseId, { intent: 'markUnread', messageId: message!.id })
    expect(marked.status).toBe(302)
    expect(marked.location).toBe('/inbox')
    expect(await countUnread(organizationReader(ids.orgMember, orgId))).toBe(1)
    const own = await postAsOfficer(caseId, { intent: 'markUnread', messageId: message!.id })
    expect(own.status).toBe(404)
  })
})

describe('internal notes', () => {
  const note = 'INTERNAL-NOTE-7f3a: Arbeitgeber wirkt unzuverlässig'
  let caseId: string

  beforeAll(async () => {
    await withoutMessages()
    caseId = (await newCase()).id
    await postAsOrg(caseId, { body: 'Gibt es Neuigkeiten?' })
    const result = await postAsOfficer(caseId, { body: note, visibility: 'INTERNAL' })
    expect(result.status).toBe(302)
  })

  it('are stored as internal and shown to officers, marked as such', async () => {
    expect(await prisma.message.count({ where: { caseId, visibility: 'INTERNAL' } })).toBe(1)
    const thread = messagesOf((await officerPage(caseId, 'otherOfficer')).data)
    expect(thread.find((message) => message.body === note)).toMatchObject({ visibility: 'INTERNAL' })
    const html = await renderPage(authorityMessages as RouteModule, {
      path: authorityPath(caseId),
      pattern: '/authority/cases/:caseId/messages',
      language: 'en',
      cookie: cookies.officer,
      params: { caseId },
    })
    expect(html).toContain('class="message message-internal"')
    expect(html).toContain('Internal note – not visible to the organization')
    expect(html).toContain('INTERNAL-NOTE-7f3a')
  })

  it('never reach an organization member: not in a loader’s data, the page, the inbox or a count', async () => {
    const secret = 'INTERNAL-NOTE-7f3a'
    const loaders = [
      await orgPage(caseId),
      await callRoute(
        orgCase.loader,
        buildRequest(`/organizations/${orgId}/cases/${caseId}`, { cookie: cookies.orgMember }),
        { orgId, caseId },
      ),
      await inboxOf('orgMember'),
      await inboxOf('orgMember', '?waiting=on'),
      await callRoute(root.loader, buildRequest('/dashboard', { cookie: cookies.orgMember })),
    ]
    for (const loaded of loaders) {
      expect(loaded.status).toBe(200)
      expect(JSON.stringify(loaded.data)).not.toContain(secret)
    }
    expect(messagesOf(loaders[0]!.data).map((message) => message.visibility)).toEqual(['ORGANIZATION'])
    const html = await renderPage(orgMessages as RouteModule, {
      path: orgPath(caseId),
      pattern: '/organizations/:orgId/cases/:caseId/messages',
      language: 'en',
      cookie: cookies.orgMember,
      params: { orgId, caseId },
    })
    expect(html).not.toContain(secret)
    expect(html).not.toContain('Internal note')
    // nobody at the organization has read the note, and nobody there counts it
    expect(await countUnread(organizationReader(ids.orgMember, orgId))).toBe(0)
    expect(await navigationCount('orgMember')).toBe(0)
    expect(await countUnread(organizationReader(ids.orgAdmin, orgId))).toBe(1)
    // the note is the latest message, but the inbox shows the organization its own question
    const row = (await inboxOf('orgAdmin')).data as { rows: { case: { id: string }; lastMessage: object }[] }
    expect(row.rows.find((entry) => entry.case.id === caseId)?.lastMessage).toMatchObject({
      excerpt: 'Gibt es Neuigkeiten?',
    })
  })

  it('cannot be written by an organization member: a crafted form is refused and nothing is stored', async () => {
    const before = await prisma.message.count()
    const crafted = await postAsOrg(caseId, { body: 'Nur intern?', visibility: 'INTERNAL' })
    expect(crafted.status).toBe(400)
    expect(crafted.data).toMatchObject({ fieldErrors: { visibility: ['validation.choose'] } })
    // the rule lives in the model too, not only in the form
    const direct = await postMessage(organizationReader(ids.orgMember, orgId), caseId, {
      body: 'Nur intern?',
      visibility: 'INTERNAL',
    })
    expect(direct).toEqual({ ok: false, error: 'messages:errors.notAllowed' })
    expect(await prisma.message.count()).toBe(before)
  })

  it('do not count as a reply the organization waits for, and an officer must choose the audience', async () => {
    const unchosen = await postAsOfficer(caseId, { body: 'Ohne Auswahl' })
    expect(unchosen.status).toBe(400)
    expect(unchosen.data).toMatchObject({ fieldErrors: { visibility: ['validation.choose'] } })
    const officerInbox = (await inboxOf('officer', '?waiting=on')).data as {
      rows: { case: { id: string } }[]
    }
    // the organization's question is still the latest message to the other side
    expect(officerInbox.rows.map((row) => row.case.id)).toContain(caseId)
  })
})

describe('message bodies', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '[x](javascript:alert(1))',
    'javascript:alert(1)',
    'data:text/html,<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">klick</a>',
  ].join('\n')

  it('render scripts and javascript: or data: addresses as plain text', () => {
    const html = renderToString(<MessageBody body={hostile} />)
    expect(html).not.toContain('<script')
    expect(html).not.toMatch(/href="(javascript|data):/i)
    expect(html).not.toContain('<a')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('[x](javascript:alert(1))')
  })

  it('keep line breaks and paragraphs and link only http(s) addresses, without the sentence’s full stop', () => {
    const html = renderToString(
      <MessageBody
        body={'Erste Zeile\nzweite Zeile\n\nSiehe https://example.org/a?b=1&c=2. Oder http://x.test'}
      />,
    ).replaceAll('<!-- -->', '')
    expect(html).toContain('<p>Erste Zeile<br/>zweite Zeile</p>')
    expect(html).toContain(
      '<a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer nofollow">https://example.org/a?b=1&amp;c=2</a>.',
    )
    expect(html).toContain('<a href="http://x.test/" rel="noopener noreferrer nofollow">http://x.test</a>')
  })

  it('are stored as written and shown inert on the page', async () => {
    const { id: caseId } = await newCase()
    expect((await postAsOrg(caseId, { body: hostile })).status).toBe(302)
    expect((await prisma.message.findFirstOrThrow({ where: { caseId } })).body).toBe(hostile)
    const html = await renderPage(authorityMessages as RouteModule, {
      path: authorityPath(caseId),
      pattern: '/authority/cases/:caseId/messages',
      language: 'de',
      cookie: cookies.officer,
      params: { caseId },
    })
    expect(html).not.toContain('<script')
    expect(html).not.toMatch(/href="(javascript|data):/i)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('refuses 20,000 characters with the translated message and stores nothing', async () => {
    const { id: caseId } = await newCase()
    const refused = await postAsOrg(caseId, { body: 'a'.repeat(20_000) })
    expect(refused.status).toBe(400)
    expect(refused.data).toMatchObject({
      fieldErrors: { body: ['messages:validation.tooLong|{"maximum":5000}'] },
    })
    const blank = await postAsOrg(caseId, { body: ' \n ' })
    expect(blank.data).toMatchObject({ fieldErrors: { body: ['validation.required'] } })
    expect(await prisma.message.count({ where: { caseId } })).toBe(0)
    for (const language of supportedLanguages) {
      const html = await renderPage(orgMessages as RouteModule, {
        path: orgPath(caseId),
        pattern: '/organizations/:orgId/cases/:caseId/messages',
        language,
        cookie: cookies.orgMember,
        params: { orgId, caseId },
        actionData: refused.data,
      })
      const expected = (getResources()[language]!.messages as { validation: { tooLong: string } }).validation
        .tooLong
      expect(html).toContain(expected.replace('{{maximum}}', '5000'))
    }
  })
})

describe('who may read and write', () => {
  let caseId: string
  beforeAll(async () => {
    caseId = (await newCase()).id
    await postAsOrg(caseId, { body: 'Frage' })
  })

  it('answers 404 to another organization, for the page and the form, and stores nothing', async () => {
    const params = { orgId: otherOrgId, caseId }
    const path = `/organizations/${otherOrgId}/cases/${caseId}/messages`
    expect(
      (await callRoute(orgMessages.loader, buildRequest(path, { cookie: cookies.otherOrg }), params)).status,
    ).toBe(404)
    expect((await orgPage(caseId, 'otherOrg')).status).toBe(404)
    const before = await prisma.message.count()
    const post = await callRoute(
      orgMessages.action,
      buildRequest(path, { cookie: cookies.otherOrg, form: { body: 'Hallo' } }),
      params,
    )
    expect(post.status).toBe(404)
    expect((await postAsOrg(caseId, { body: 'Hallo' }, 'otherOrg')).status).toBe(404)
    expect(await prisma.message.count()).toBe(before)
    const otherInbox = (await inboxOf('otherOrg')).data as { total: number }
    expect(otherInbox.total).toBe(0)
  })

  it('answers 404 on the authority’s page to admins, mission staff and organizations, and 403 for their inbox', async () => {
    for (const role of ['admin', 'embassy', 'orgMember'] as const) {
      expect((await officerPage(caseId, role)).status).toBe(404)
      const post = await postAsOfficer(caseId, { body: 'x', visibility: 'INTERNAL' }, role)
      expect(post.status).toBe(404)
    }
    for (const role of ['admin', 'embassy'] as const) {
      expect((await inboxOf(role)).status).toBe(403)
      expect(await navigationCount(role)).toBeNull()
    }
    expect(await prisma.message.count({ where: { caseId, visibility: 'INTERNAL' } })).toBe(0)
  })
})

describe('the inbox', () => {
  type Inbox = {
    total: number
    rows: { case: { id: string; fileNumber: string }; unread: number; isWaitingForReply: boolean }[]
  }
  const cases = {} as Record<
    'mine' | 'unassigned' | 'colleagues' | 'answered',
    { id: string; fileNumber: string }
  >

  beforeAll(async () => {
    await withoutMessages()
    cases.mine = await newCase(ids.officer)
    cases.unassigned = await newCase()
    cases.colleagues = await newCase(ids.otherOfficer)
    cases.answered = await newCase(ids.officer)
    for (const kase of Object.values(cases)) await postAsOrg(kase.id, { body: `Frage zu ${kase.fileNumber}` })
    await postAsOfficer(cases.answered.id, { body: 'Antwort', visibility: 'ORGANIZATION' })
  })

  const caseIdsOf = (data: unknown) => (data as Inbox).rows.map((row) => row.case.id)

  it('shows an officer their cases and unassigned ones, latest first, with unread counts and who waits', async () => {
    const result = await inboxOf('officer')
    expect(result.status).toBe(200)
    const data = result.data as Inbox
    expect(caseIdsOf(data)).toEqual([cases.answered.id, cases.unassigned.id, cases.mine.id])
    expect(data.rows.map((row) => [row.unread, row.isWaitingForReply])).toEqual([
      [1, false],
      [1, true],
      [1, true],
    ])
    expect(await navigationCount('officer')).toBe(3)
    expect(caseIdsOf((await inboxOf('otherOfficer')).data)).toEqual([
      cases.colleagues.id,
      cases.unassigned.id,
    ])
  })

  it('shows an organization every case of its own, waiting where the authority answered last', async () => {
    const data = (await inboxOf('orgMember')).data as Inbox
    expect(data.total).toBe(4)
    expect(data.rows.find((row) => row.case.id === cases.answered.id)).toMatchObject({
      unread: 1,
      isWaitingForReply: true,
    })
    expect(caseIdsOf((await inboxOf('orgMember', '?waiting=on')).data)).toEqual([cases.answered.id])
  })

  it('filters by file number, unread and waiting for reply', async () => {
    const search = `?q=${cases.mine.fileNumber.slice(-6)}`
    expect(caseIdsOf((await inboxOf('officer', search)).data)).toEqual([cases.mine.id])
    expect(caseIdsOf((await inboxOf('officer', '?q=%25')).data)).toEqual([])
    expect(caseIdsOf((await inboxOf('officer', '?waiting=on')).data)).toEqual([
      cases.unassigned.id,
      cases.mine.id,
    ])
  })

  it('marks a case read and unread again, keeping the filters', async () => {
    const mark = (intent: string, caseId: string) =>
      callRoute(
        inbox.action,
        buildRequest('/inbox?unread=on', { cookie: cookies.officer, form: { intent, caseId } }),
      )
    const read = await mark('markRead', cases.mine.id)
    expect(read.status).toBe(302)
    expect(read.location).toBe('/inbox?unread=on')
    expect(caseIdsOf((await inboxOf('officer', '?unread=on')).data)).toEqual([
      cases.answered.id,
      cases.unassigned.id,
    ])
    expect(await navigationCount('officer')).toBe(2)
    expect((await mark('markUnread', cases.mine.id)).status).toBe(302)
    expect(await navigationCount('officer')).toBe(3)
    expect((await mark('archive', cases.mine.id)).status).toBe(400)
  })

  for (const language of supportedLanguages) {
    it(`renders the inbox and both conversation pages (${language})`, async () => {
      const officerInbox = await renderPage(inbox as RouteModule, {
        path: '/inbox',
        pattern: '/inbox',
        language,
        cookie: cookies.officer,
        params: {},
      })
      expect(officerInbox).toContain(`href="/authority/cases/${cases.mine.id}/messages"`)
      expect(officerInbox).toContain('class="visually-hidden"')
      const orgInbox = await renderPage(inbox as RouteModule, {
        path: '/inbox?waiting=on',
        pattern: '/inbox',
        language,
        cookie: cookies.orgAdmin,
        params: {},
      })
      expect(orgInbox).toContain(`href="/organizations/${orgId}/cases/${cases.answered.id}/messages"`)
      const officerThread = await renderPage(authorityMessages as RouteModule, {
        path: authorityPath(cases.answered.id),
        pattern: '/authority/cases/:caseId/messages',
        language,
        cookie: cookies.otherOfficer,
        params: { caseId: cases.answered.id },
      })
      expect(officerThread.match(/type="radio"/g)).toHaveLength(2)
      expect(officerThread.match(/name="intent" value="markUnread"/g)).toHaveLength(2)
      const orgThread = await renderPage(orgMessages as RouteModule, {
        path: orgPath(cases.answered.id),
        pattern: '/organizations/:orgId/cases/:caseId/messages',
        language,
        cookie: cookies.orgMember,
        params: { orgId, caseId: cases.answered.id },
      })
      expect(orgThread).not.toContain('type="radio"')
      // only the officer's answer is someone else's message for the member who asked
      expect(orgThread.match(/name="intent" value="markUnread"/g)).toHaveLength(1)
    })
  }

  it('puts the unread count in the navigation: a number to see, "3 unread" to hear', async () => {
    const Stub = createRemixStub([
      {
        id: 'root',
        path: '/',
        Component: () => (
          <AppShell>
            <Outlet />
          </AppShell>
        ),
        children: [{ id: 'page', path: 'dashboard', Component: () => <h1>Start</h1> }],
      },
    ])
    const user = { name: 'Anna Schmidt', staffRole: 'OFFICER', organizations: [], unreadMessages: 3 }
    const html = renderToString(
      <I18nextProvider i18n={await translator('en')}>
        <Stub
          initialEntries={['/dashboard']}
          hydrationData={{ loaderData: { root: { locale: 'en', toast: null, user }, page: null } }}
        />
      </I18nextProvider>,
    ).replaceAll('<!-- -->', '')
    expect(html).toMatch(
      /href="\/inbox">Messages <span class="badge badge-unread"><span aria-hidden="true">3<\/span><span class="visually-hidden">3 unread<\/span><\/span><\/a>/,
    )
  })
})

/** Texts that are i18n keys rather than translations. */
const UNTRANSLATED = /\b(?:messages|common|cases):|\b(?:thread|compose|inbox|side|validation|toast)\.[a-zA-Z]/

function renderPage(
  module: RouteModule,
  options: Omit<Parameters<typeof renderSharedPage>[1], 'untranslated'>,
) {
  return renderSharedPage(module, { ...options, untranslated: UNTRANSLATED })
}
