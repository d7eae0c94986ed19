import { createRemixStub } from '@remix-run/testing'
import { createInstance } from 'i18next'
import { renderToString } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import * as missionEdit from '~/routes/admin.missions.$missionId'
import * as missionList from '~/routes/admin.missions._index'
import * as missionNew from '~/routes/admin.missions.new'
import * as outboxPage from '~/routes/admin.outbox'
import * as settingsPage from '~/routes/admin.settings'
import * as staffMember from '~/routes/admin.staff.$userId'
import * as staffList from '~/routes/admin.staff._index'
import * as staffNew from '~/routes/admin.staff.new'
import { prisma } from '~/utils/db.server'
import { i18nOptions, supportedLanguages } from '~/utils/i18n'
import { getResources } from '~/utils/i18n.server'

import { createMission, createUser } from '../factories'
import { buildRequest, callRoute, sessionCookieFor } from '../support/requests'

type Page = { path: string; route: { loader: unknown; default: unknown }; params: Record<string, string> }

/** i18next shows a missing translation as its key, e.g. "detail.saveRole". */
const KEY_LIKE = /\b[a-z][a-zA-Z]+(\.[a-z][a-zA-Z]+)+\b/g

let pages: Page[]
let cookie: string

beforeAll(async () => {
  const admin = await createUser({ staffRole: 'ADMIN', name: 'Anna Admin' })
  cookie = await sessionCookieFor(admin.id)
  const mission = await createMission()
  const embassy = await createUser({ staffRole: 'EMBASSY', missionId: mission.id, isVerified: false })
  await createUser({ staffRole: 'OFFICER' })
  // the outbox page with its table: one email given up on, one still being retried
  for (const [status, attempts] of [
    ['DEAD', 8],
    ['PENDING', 2],
  ] as const) {
    await prisma.outboxEmail.create({
      data: {
        kind: 'resetPassword',
        recipient: `${status.toLowerCase()}@example.test`,
        locale: 'de',
        payload: {},
        idempotencyKey: `admin-pages-${status}`,
        status,
        attempts,
        lastError: 'Email could not be sent: internal_server_error',
      },
    })
  }
  pages = [
    { path: '/admin/staff', route: staffList, params: {} },
    { path: '/admin/staff/new', route: staffNew, params: {} },
    { path: `/admin/staff/${embassy.id}`, route: staffMember, params: { userId: embassy.id } },
    { path: `/admin/staff/${admin.id}`, route: staffMember, params: { userId: admin.id } },
    { path: '/admin/missions', route: missionList, params: {} },
    { path: '/admin/missions/new', route: missionNew, params: {} },
    { path: `/admin/missions/${mission.id}`, route: missionEdit, params: { missionId: mission.id } },
    { path: '/admin/settings', route: settingsPage, params: {} },
    { path: '/admin/outbox', route: outboxPage, params: {} },
  ]
  // React warns that the router's layout effects do nothing during a server render; that is expected here.
  const consoleError = console.error
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes('useLayoutEffect')) consoleError(...args)
  })
})

describe('administration pages', () => {
  it.each(supportedLanguages)('render in %s with one heading and every text translated', async (language) => {
    const i18n = createInstance()
    await i18n.use(initReactI18next).init({ ...i18nOptions, lng: language, resources: getResources() })
    for (const { path, route, params } of pages) {
      const page = await callRoute(route.loader as never, buildRequest(path, { cookie }), params)
      expect(page.status, path).toBe(200)
      const Stub = createRemixStub([{ id: 'page', path, Component: route.default as never }])
      const html = renderToString(
        <I18nextProvider i18n={i18n}>
          <Stub initialEntries={[path]} hydrationData={{ loaderData: { page: page.data } }} />
        </I18nextProvider>,
      )
      const text = html.replace(/<[^>]+>/g, ' ').replace(/\S+@\S+/g, ' ')
      expect(html.match(/<h1[ >]/g), path).toHaveLength(1)
      expect(text.match(KEY_LIKE), path).toBeNull()
    }
  })
})
