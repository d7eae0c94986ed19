/** What an action answers when a form is refused: field messages are i18n keys (see validation.ts). */
export type FormReply = {
  fieldErrors: Record<string, string[]>
  formError?: string
  values?: Record<string, string>
}

export function isFormReply(value: unknown): value is FormReply {
  return typeof value === 'object' && value !== null && 'fieldErrors' in value
}
