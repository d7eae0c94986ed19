import { isCountryCode } from '~/utils/countries'
import { emailField, languageField, message, phoneField, requiredText, z } from '~/utils/validation'

export const organizationKinds = ['EMPLOYER', 'UNIVERSITY', 'RESEARCH', 'AGENCY'] as const
export const orgRoles = ['ORG_ADMIN', 'ORG_MEMBER'] as const
export const organizationStatuses = ['PENDING', 'VERIFIED', 'REJECTED'] as const

export type OrganizationKind = (typeof organizationKinds)[number]
export type OrganizationStatus = (typeof organizationStatuses)[number]

const GERMAN_POSTAL_CODE = /^[0-9]{5}$/
const POSTAL_CODE = /^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/
// Betriebsnummer der Bundesagentur für Arbeit: always eight digits (§ 18i SGB IV).
const BA_COMPANY_NUMBER = /^[0-9]{8}$/

export const RegisterOrganizationSchema = z
  .object({
    kind: z.enum(organizationKinds),
    legalName: requiredText(200),
    street: requiredText(200),
    postalCode: requiredText(10),
    city: requiredText(100),
    country: z
      .string()
      .trim()
      .refine(isCountryCode, { error: message('validation.choose') }),
    registerNumber: requiredText(100),
    baCompanyNumber: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || undefined)
      .pipe(
        z
          .string()
          .regex(BA_COMPANY_NUMBER, { error: message('organizations:validation.baCompanyNumber') })
          .optional(),
      ),
    contactName: requiredText(120),
    contactEmail: emailField,
    contactPhone: phoneField,
    deputyName: requiredText(120),
    deputyEmail: emailField,
    deputyPhone: phoneField,
  })
  .superRefine(
    (value, context) => {
      const pattern = value.country === 'DE' ? GERMAN_POSTAL_CODE : POSTAL_CODE
      if (!pattern.test(value.postalCode)) {
        context.addIssue({
          code: 'custom',
          path: ['postalCode'],
          message: message(
            value.country === 'DE'
              ? 'organizations:validation.postalCodeDe'
              : 'organizations:validation.postalCode',
          ),
        })
      }
    },
    // Also when other fields are wrong, so that every message shows at once.
    {
      when: ({ issues }) =>
        !issues.some((issue) => ['postalCode', 'country'].includes(String(issue.path?.[0]))),
    },
  )

export type RegisterOrganizationInput = z.output<typeof RegisterOrganizationSchema>

/** The invitation form's own fields, checked in the browser; the server's union below adds `intent`. */
export const InviteMemberSchema = z.object({
  email: emailField,
  role: z.enum(orgRoles),
  locale: languageField,
})

export type InviteMemberInput = z.output<typeof InviteMemberSchema>

const RemoveMemberSchema = z.object({
  intent: z.literal('remove'),
  membershipId: requiredText(40),
})

const RevokeInvitationSchema = z.object({
  intent: z.literal('revoke'),
  invitationId: requiredText(40),
})

/** The members page holds three forms; the hidden `intent` field says which one was sent. */
export const MembersActionSchema = z.discriminatedUnion('intent', [
  InviteMemberSchema.extend({ intent: z.literal('invite') }),
  RemoveMemberSchema,
  RevokeInvitationSchema,
])

export const REJECTION_REASON_MIN = 10
export const REJECTION_REASON_MAX = 1000

/** The rejection form's own field, checked in the browser; the server's union below adds `intent`. */
export const RejectOrganizationSchema = z.object({
  reason: z.string().trim().min(1).min(REJECTION_REASON_MIN).max(REJECTION_REASON_MAX),
})

/** A lead officer's decision on a pending organization. */
export const OrganizationDecisionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('verify') }),
  RejectOrganizationSchema.extend({ intent: z.literal('reject') }),
])

export type OrganizationDecision = z.output<typeof OrganizationDecisionSchema>

export const organizationStatusFilters = [...organizationStatuses, 'ALL'] as const

/** The authority's list: query parameters from a GET form; anything unexpected falls back to the default. */
export const OrganizationListQuerySchema = z.object({
  status: z.enum(organizationStatusFilters).catch('PENDING'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
})

export type OrganizationListQuery = z.output<typeof OrganizationListQuerySchema>
