import { describe, expect, it } from 'vitest'

import { ChangeStaffRoleSchema, CreateStaffSchema, StaffFilterSchema } from '~/schemas/staff'
import { SettingsSchema } from '~/schemas/settings'

const person = { name: ' Lena Hoffmann ', email: ' Lena@Behoerde.Example ', language: 'en' }

function fieldErrors(result: {
  success: boolean
  error?: { issues: { path: PropertyKey[]; message: string }[] }
}) {
  return Object.fromEntries(
    (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]),
  )
}

describe('staff schemas', () => {
  it('normalise a new account: trimmed name, lower-case address, no mission outside the visa section', () => {
    expect(CreateStaffSchema.parse({ ...person, role: 'OFFICER', missionId: '' })).toEqual({
      name: 'Lena Hoffmann',
      email: 'lena@behoerde.example',
      role: 'OFFICER',
      missionId: undefined,
      language: 'en',
    })
  })

  it('require a mission for the visa section and forbid it for every other role', () => {
    expect(fieldErrors(CreateStaffSchema.safeParse({ ...person, role: 'EMBASSY', missionId: '' }))).toEqual({
      missionId: 'staff:validation.missionRequired',
    })
    expect(fieldErrors(ChangeStaffRoleSchema.safeParse({ role: 'LEAD_OFFICER', missionId: 'm1' }))).toEqual({
      missionId: 'staff:validation.missionNotAllowed',
    })
    expect(ChangeStaffRoleSchema.parse({ role: 'EMBASSY', missionId: 'm1' })).toEqual({
      role: 'EMBASSY',
      missionId: 'm1',
    })
  })

  it('report an unknown role once, without a mission message on top', () => {
    expect(fieldErrors(ChangeStaffRoleSchema.safeParse({ role: 'KING', missionId: 'm1' }))).toEqual({
      role: 'validation.choose',
    })
  })

  it('ignore unknown filter values in the address bar', () => {
    expect(StaffFilterSchema.parse({ role: 'EMBASSY', status: 'deactivated' })).toEqual({
      role: 'EMBASSY',
      status: 'deactivated',
    })
    expect(StaffFilterSchema.parse({ role: 'KING', status: '' })).toEqual({})
  })
})

describe('settings schema', () => {
  it('reads a ticked checkbox from the browser form and from react-hook-form', () => {
    expect(SettingsSchema.parse({ requireStaffTwoFactor: 'on' })).toEqual({ requireStaffTwoFactor: true })
    expect(SettingsSchema.parse({ requireStaffTwoFactor: true })).toEqual({ requireStaffTwoFactor: true })
    expect(SettingsSchema.parse({ requireStaffTwoFactor: false })).toEqual({ requireStaffTwoFactor: false })
    expect(SettingsSchema.parse({})).toEqual({ requireStaffTwoFactor: false })
    expect(SettingsSchema.safeParse({ requireStaffTwoFactor: 'yes' }).success).toBe(false)
  })
})
