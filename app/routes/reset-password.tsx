import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { SubmitButton, useValidatedForm, ValidatedForm } from '~/components/form'
import { NewPasswordFields } from '~/components/new-password-fields'
import { findPasswordTokenPurpose, resetPassword } from '~/models/user.server'
import { ResetPasswordSchema } from '~/schemas/auth'
import { isFormReply } from '~/utils/forms'
import { badRequest, parseForm } from '~/utils/forms.server'
import type { PageHandle } from '~/utils/page-title'
import { redirectWithToast } from '~/utils/toast.server'

type PageState = { state: 'PASSWORD_RESET' | 'ACCOUNT_SETUP' | 'invalidLink' }

export const handle: PageHandle = {
  pageTitle: (t, data) =>
    t(`auth:resetPassword.titles.${(data as PageState | undefined)?.state ?? 'invalidLink'}`),
}

const invalidLink = () => data<PageState>({ state: 'invalidLink' }, { status: 400 })

function tokenOf(request: Request) {
  return new URL(request.url).searchParams.get('token')
}

/** Serves password-reset links and the set-up links of staff accounts an admin created. */
export async function loader({ request }: LoaderFunctionArgs) {
  const purpose = await findPasswordTokenPurpose(tokenOf(request))
  return purpose ? data<PageState>({ state: purpose }) : invalidLink()
}

export async function action({ request }: ActionFunctionArgs) {
  const token = tokenOf(request)
  if (!token || !(await findPasswordTokenPurpose(token))) return invalidLink()
  const submission = await parseForm(request, ResetPasswordSchema)
  if (!submission.ok) return badRequest(submission.reply)
  const purpose = await resetPassword(token, submission.value.password)
  if (!purpose) return invalidLink()
  return redirectWithToast('/login', `auth:resetPassword.done.${purpose}`)
}

export default function ResetPassword() {
  const { t } = useTranslation('auth')
  const loaderData = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const state = actionData && 'state' in actionData ? actionData.state : loaderData.state
  const validated = useValidatedForm(ResetPasswordSchema, isFormReply(actionData) ? actionData : null)
  if (state === 'invalidLink') {
    return (
      <div className="narrow">
        <h1>{t('resetPassword.titles.invalidLink')}</h1>
        <p>{t('resetPassword.invalidText')}</p>
        <p>
          <Link to="/forgot-password">{t('resetPassword.requestNew')}</Link>
        </p>
      </div>
    )
  }
  return (
    <div className="narrow">
      <h1>{t(`resetPassword.titles.${state}`)}</h1>
      <p>{t(`resetPassword.intro.${state}`)}</p>
      <ValidatedForm validated={validated}>
        <NewPasswordFields form={validated.form} />
        <SubmitButton>{t('resetPassword.submit')}</SubmitButton>
      </ValidatedForm>
    </div>
  )
}
