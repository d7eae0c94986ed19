import type { ActionFunctionArgs } from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { SubmitButton, TextField, useValidatedForm, ValidatedForm } from '~/components/form'
import { requestPasswordReset } from '~/models/user.server'
import { ForgotPasswordSchema } from '~/schemas/auth'
import { isFormReply } from '~/utils/forms'
import { badRequest, parseForm } from '~/utils/forms.server'
import type { PageHandle } from '~/utils/page-title'

export const handle: PageHandle = { pageTitle: (t) => t('auth:forgotPassword.title') }

/** The same answer whether or not the address has an account (no account enumeration). */
export async function action({ request }: ActionFunctionArgs) {
  const submission = await parseForm(request, ForgotPasswordSchema)
  if (!submission.ok) return badRequest(submission.reply)
  await requestPasswordReset(submission.value.email)
  return { isSent: true as const }
}

export default function ForgotPassword() {
  const { t } = useTranslation('auth')
  const actionData = useActionData<typeof action>()
  const validated = useValidatedForm(ForgotPasswordSchema, isFormReply(actionData) ? actionData : null)
  if (actionData && 'isSent' in actionData) {
    return (
      <div className="narrow">
        <h1>{t('forgotPassword.sentTitle')}</h1>
        <p role="status">{t('forgotPassword.sentText')}</p>
        <p>
          <Link to="/login">{t('forgotPassword.backToLogin')}</Link>
        </p>
      </div>
    )
  }
  return (
    <div className="narrow">
      <h1>{t('forgotPassword.title')}</h1>
      <p>{t('forgotPassword.intro')}</p>
      <ValidatedForm validated={validated}>
        <TextField
          form={validated.form}
          name="email"
          type="email"
          autoComplete="email"
          label={t('fields.email')}
          defaultValue={validated.reply?.values?.email}
          required
        />
        <SubmitButton>{t('forgotPassword.submit')}</SubmitButton>
      </ValidatedForm>
      <p>
        <Link to="/login">{t('forgotPassword.backToLogin')}</Link>
      </p>
    </div>
  )
}
