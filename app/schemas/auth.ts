import { emailField, languageField, message, newPasswordField, requiredText, z } from '~/utils/validation'

export const NAME_MAX_LENGTH = 200

const nameField = requiredText(NAME_MAX_LENGTH)

/** A password being checked, not chosen: no strength rules, only a bound on the work it causes. */
const enteredPassword = z.string().min(1).max(200)

/** Six digits from an authenticator app; spaces some apps show in the middle are ignored. */
const totpCode = z
  .string()
  .min(1)
  .transform((value) => value.replace(/\s/g, ''))
  .pipe(z.string().regex(/^[0-9]{6}$/, { error: message('auth:twoFactor.codeFormat') }))

const confirmation = z.string().min(1)

const passwordsMatch = (value: { password: string; confirmPassword: string }) =>
  value.password === value.confirmPassword

const mismatch = { path: ['confirmPassword'], error: message('validation.passwordsDoNotMatch') }

export const SignupSchema = z
  .object({
    name: nameField,
    email: emailField,
    password: newPasswordField,
    confirmPassword: confirmation,
    language: languageField,
  })
  .refine(passwordsMatch, mismatch)

export const LoginSchema = z.object({
  email: emailField,
  password: enteredPassword,
  redirectTo: z.string().max(2000).optional(),
})

/** Used both to sign in and to confirm a newly scanned authenticator app. */
export const TwoFactorCodeSchema = z.object({ code: totpCode })

export const ForgotPasswordSchema = z.object({ email: emailField })

export const ResetPasswordSchema = z
  .object({ password: newPasswordField, confirmPassword: confirmation })
  .refine(passwordsMatch, mismatch)

export const ProfileSchema = z.object({ name: nameField, language: languageField })

export const ChangePasswordSchema = z
  .object({ currentPassword: enteredPassword, password: newPasswordField, confirmPassword: confirmation })
  .refine(passwordsMatch, mismatch)

export const DisableTwoFactorSchema = z.object({ currentPassword: enteredPassword, code: totpCode })
