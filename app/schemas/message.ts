import { message, z } from '~/utils/validation'

/** Long enough for a detailed question, short enough that a thread stays readable. */
export const MESSAGE_MAX_LENGTH = 5000
export const INBOX_PAGE_SIZE = 50

export const messageVisibilities = ['ORGANIZATION', 'INTERNAL'] as const
export type MessageVisibility = (typeof messageVisibilities)[number]

/** Browsers send line breaks as CRLF; NUL cannot be stored in PostgreSQL text. */
function normalizeBody(value: unknown) {
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').replaceAll('\u0000', '') : value
}

const body = z.preprocess(
  normalizeBody,
  z
    .string()
    .trim()
    .min(1)
    .max(MESSAGE_MAX_LENGTH, {
      error: message('messages:validation.tooLong', { maximum: MESSAGE_MAX_LENGTH }),
    }),
)

/** An organization member writes to the authority: there is no other audience to choose. */
export const OrganizationMessageSchema = z.object({
  body,
  visibility: z.literal('ORGANIZATION').optional().default('ORGANIZATION'),
})

/** An officer writes to the organization or leaves an internal note for colleagues. */
export const OfficerMessageSchema = z.object({
  body,
  visibility: z.enum(messageVisibilities),
})
export type MessageInput = z.output<typeof OfficerMessageSchema>

export const MarkUnreadSchema = z.object({
  intent: z.literal('markUnread'),
  messageId: z.string().trim().min(1).max(40),
})

export const InboxActionSchema = z.object({
  intent: z.enum(['markRead', 'markUnread']),
  caseId: z.string().trim().min(1).max(40),
})

const checkbox = z
  .string()
  .optional()
  .transform((value) => value === 'on' || value === '1' || value === 'true')

export const InboxQuerySchema = z.object({
  q: z.string().trim().max(100).catch(''),
  unread: checkbox.catch(false),
  waiting: checkbox.catch(false),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
})
export type InboxQuery = z.output<typeof InboxQuerySchema>
