import { expect } from 'vitest'

import type { FormReply } from '~/utils/forms'
import { prisma } from '~/utils/db.server'
import { getTranslator } from '~/utils/i18n.server'
import { supportedLanguages } from '~/utils/i18n'
import { parseMessage } from '~/utils/validation'

/** A complete, valid registration form. */
export function organizationForm(overrides: Record<string, string> = {}) {
  return {
    kind: 'EMPLOYER',
    legalName: 'Hafenblick Logistik GmbH',
    street: 'Am Stadthafen 3',
    postalCode: '48155',
    city: 'Münster',
    country: 'DE',
    registerNumber: 'HRB 4711, Amtsgericht Münster',
    baCompanyNumber: '12345678',
    contactName: 'Petra Schulte',
    contactEmail: 'petra.schulte@hafenblick.example',
    contactPhone: '+49 251 123456',
    deputyName: 'Jonas Becker',
    deputyEmail: 'jonas.becker@hafenblick.example',
    deputyPhone: '+49 251 123457',
    ...overrides,
  }
}

/** Row counts of everything these features write, to assert that a refused request wrote nothing. */
export async function rowCounts() {
  const [organizations, memberships, invitations, auditEvents, users, sessions] = await Promise.all([
    prisma.organization.count(),
    prisma.membership.count(),
    prisma.invitation.count(),
    prisma.auditEvent.count(),
    prisma.user.count(),
    prisma.session.count(),
  ])
  return { organizations, memberships, invitations, auditEvents, users, sessions }
}

/** Every message of a refused form resolves to real text in every language (not to its own key). */
export async function expectTranslated(reply: unknown) {
  const { fieldErrors, formError } = reply as FormReply
  const encoded = [...Object.values(fieldErrors).flat(), ...(formError ? [formError] : [])]
  expect(encoded.length).toBeGreaterThan(0)
  for (const language of supportedLanguages) {
    const t = await getTranslator(language)
    for (const message of encoded) {
      const { key, values } = parseMessage(message)
      const text = t(key, values)
      expect(text, `${language}: ${key}`).not.toBe(key)
      expect(text, `${language}: ${key}`).not.toBe(key.split(':').pop())
    }
  }
}

/** The field names that carry an error in a 400 reply. */
export function erroneousFields(reply: unknown) {
  return Object.keys((reply as FormReply).fieldErrors).sort()
}
