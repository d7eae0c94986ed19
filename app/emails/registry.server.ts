import type { EmailTemplate } from './compose.server'
import { documentRejectedEmail } from './document-rejected'
import { organizationInvitationEmail } from './organization-invitation'
import { organizationRejectedEmail } from './organization-rejected'
import { organizationVerifiedEmail } from './organization-verified'
import { passwordChangedTemplate } from './password-changed'
import { resetPasswordTemplate } from './reset-password'
import { staffInvitationEmail } from './staff-invitation'
import { verifyEmailTemplate } from './verify-email'

/**
 * Every email the portal sends, by the name the outbox stores: the worker renders a queued email from its
 * kind and values when it sends it, in the recipient's language.
 */
export const emailTemplates = {
  verifyEmail: verifyEmailTemplate,
  resetPassword: resetPasswordTemplate,
  passwordChanged: passwordChangedTemplate,
  staffInvitation: staffInvitationEmail,
  organizationInvitation: organizationInvitationEmail,
  organizationVerified: organizationVerifiedEmail,
  organizationRejected: organizationRejectedEmail,
  documentRejected: documentRejectedEmail,
}

export type EmailKind = keyof typeof emailTemplates

export type EmailProps<K extends EmailKind> =
  (typeof emailTemplates)[K] extends EmailTemplate<infer P> ? P : never

export function isEmailKind(kind: string): kind is EmailKind {
  return Object.hasOwn(emailTemplates, kind)
}
