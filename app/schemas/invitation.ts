import { message, newPasswordField, requiredText, z } from '~/utils/validation'

/** An invited person without an account sets one up on the invitation page; the email comes from the invitation. */
export const InvitationSignupSchema = z
  .object({
    name: requiredText(120),
    password: newPasswordField,
    confirmPassword: z.string().min(1),
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ['confirmPassword'],
    error: message('validation.passwordsDoNotMatch'),
    // Also when the name is missing, so that every message shows at once.
    when: ({ issues }) => !issues.some((issue) => issue.path?.[0] === 'confirmPassword'),
  })

export type InvitationSignupInput = z.output<typeof InvitationSignupSchema>
