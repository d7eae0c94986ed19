import type { StaffRole } from '~/utils/permissions'
import { emailField, languageField, message, optionalText, requiredText, z } from '~/utils/validation'

export const staffRoles = [
  'ADMIN',
  'LEAD_OFFICER',
  'OFFICER',
  'EMBASSY',
] as const satisfies readonly StaffRole[]
export const staffStatuses = ['active', 'deactivated'] as const

/** The staff list's filters from the query string; an unknown value shows the list unfiltered. */
export const StaffFilterSchema = z.object({
  role: z.enum(staffRoles).optional().catch(undefined),
  status: z.enum(staffStatuses).optional().catch(undefined),
})
export type StaffFilter = z.output<typeof StaffFilterSchema>

const roleFields = {
  role: z.enum(staffRoles),
  missionId: optionalText(40),
}

/** Embassy users belong to exactly one mission; everyone else works for the authority itself. */
function checkMission(value: { role: StaffRole; missionId?: string }, ctx: z.RefinementCtx) {
  if (value.role === 'EMBASSY' && !value.missionId) {
    ctx.addIssue({
      code: 'custom',
      path: ['missionId'],
      message: message('staff:validation.missionRequired'),
    })
  }
  if (value.role !== 'EMBASSY' && value.missionId) {
    ctx.addIssue({
      code: 'custom',
      path: ['missionId'],
      message: message('staff:validation.missionNotAllowed'),
    })
  }
}

const whenRoleIsValid = {
  when: (payload: z.core.ParsePayload) => payload.issues.every((issue) => issue.path?.[0] !== 'role'),
}

export const CreateStaffSchema = z
  .object({
    name: requiredText(120),
    email: emailField,
    ...roleFields,
    language: languageField,
  })
  .superRefine(checkMission, whenRoleIsValid)
export type CreateStaffInput = z.output<typeof CreateStaffSchema>

export const ChangeStaffRoleSchema = z.object(roleFields).superRefine(checkMission, whenRoleIsValid)
export type StaffRoleInput = z.output<typeof ChangeStaffRoleSchema>

/** The staff detail page holds several small forms; the submit button's intent says which one was sent. */
export const StaffIntentSchema = z.object({
  intent: z.enum(['changeRole', 'deactivate', 'reactivate', 'resendInvitation']),
})
