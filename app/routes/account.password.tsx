import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { CurrentPasswordField } from '~/components/current-password-field'
import { SubmitButton, useValidatedForm, ValidatedForm } from '~/components/form'
import { NewPasswordFields } from '~/components/new-password-fields'
import { changePassword } from '~/models/user.server'
import { ChangePasswordSchema } from '~/schemas/auth'
import { fieldError } from '~/utils/form-replies.server'
import { isFormReply } from '~/utils/forms'
import { badRequest, parseForm } from '~/utils/forms.server'
import type { PageHandle } from '~/utils/page-title'
import { requireUser } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const handle: PageHandle = { pageTitle: (t) => t('auth:account.password.title') }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const submission = await parseForm(request, ChangePasswordSchema)
  if (!submission.ok) return badRequest(submission.reply)
  if (!(await changePassword(user, submission.value))) {
    return fieldError('currentPassword', 'auth:account.password.currentWrong')
  }
  return redirectWithToast('/account/password', 'auth:account.password.changed')
}

export default function ChangePassword() {
  const { t } = useTranslation('auth')
  const actionData = useActionData<typeof action>()
  const validated = useValidatedForm(ChangePasswordSchema, isFormReply(actionData) ? actionData : null)
  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">{t('account.password.title')}</h2>
      <p>{t('account.password.intro')}</p>
      <ValidatedForm validated={validated}>
        <CurrentPasswordField form={validated.form} />
        <NewPasswordFields form={validated.form} />
        <SubmitButton>{t('account.password.submit')}</SubmitButton>
      </ValidatedForm>
    </section>
  )
}
