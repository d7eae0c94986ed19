import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { SubmitButton } from '~/components/form'
import { resendVerificationEmail, verifyEmail } from '~/models/user.server'
import { formError } from '~/utils/forms.server'
import type { PageHandle } from '~/utils/page-title'
import { getOptionalUser, requireUser } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const handle: PageHandle = {
  pageTitle: (t, data) =>
    (data as { state?: string } | undefined)?.state === 'invalidLink'
      ? t('auth:verifyEmail.invalidTitle')
      : t('auth:verifyEmail.title'),
}

/** With ?token=… the emailed link: verify and go on. Without: "check your inbox" for the signed-in user. */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token')
  if (token !== null) {
    if (await verifyEmail(token)) return redirectWithToast('/dashboard', 'auth:verifyEmail.verified')
    const user = await getOptionalUser(request)
    const next = !user ? 'signIn' : user.emailVerifiedAt ? 'dashboard' : 'resend'
    return data({ state: 'invalidLink' as const, email: null, next }, { status: 400 })
  }
  const user = await requireUser(request)
  if (user.emailVerifiedAt) throw redirect('/dashboard')
  return { state: 'pending' as const, email: user.email, next: 'resend' as const }
}

/** "Send again", for signed-in users whose address is not verified yet. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  if (user.emailVerifiedAt) throw redirect('/dashboard')
  const result = await resendVerificationEmail(user.id)
  if (result === 'tooSoon') return formError('auth:verifyEmail.tooSoon', 429)
  return redirectWithToast('/verify-email', 'auth:verifyEmail.resent')
}

export default function VerifyEmail() {
  const { t } = useTranslation('auth')
  const { state, email, next } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="narrow">
      {state === 'invalidLink' ? (
        <>
          <h1>{t('verifyEmail.invalidTitle')}</h1>
          <p>{t('verifyEmail.invalidText')}</p>
        </>
      ) : (
        <>
          <h1>{t('verifyEmail.title')}</h1>
          <p>{t('verifyEmail.sentTo', { email })}</p>
          <p>{t('verifyEmail.checkSpam')}</p>
        </>
      )}
      {actionData?.formError ? (
        <p className="form-error" role="alert">
          {t(actionData.formError)}
        </p>
      ) : null}
      {next === 'resend' ? (
        <Form method="post" action="/verify-email">
          <SubmitButton>{t('verifyEmail.resend')}</SubmitButton>
        </Form>
      ) : next === 'dashboard' ? (
        <p>
          <Link to="/dashboard">{t('verifyEmail.toDashboard')}</Link>
        </p>
      ) : (
        <p>
          <Link to="/login?redirectTo=%2Fverify-email">{t('verifyEmail.signInToResend')}</Link>
        </p>
      )}
    </div>
  )
}
