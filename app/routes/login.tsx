import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { SubmitButton, TextField, useValidatedForm, ValidatedForm } from '~/components/form'
import { attemptLogin } from '~/models/login.server'
import { LoginSchema } from '~/schemas/auth'
import { formMessage } from '~/utils/form-replies.server'
import { isFormReply } from '~/utils/forms'
import { badRequest, parseForm } from '~/utils/forms.server'
import { startChallenge } from '~/utils/login-challenge.server'
import { rateLimitedReply, signedInHeaders } from '~/utils/login-responses.server'
import type { PageHandle } from '~/utils/page-title'
import { clientIpOf } from '~/utils/rate-limit'
import { requireAnonymous, safeRedirectPath } from '~/utils/session.server'

export const handle: PageHandle = { pageTitle: (t) => t('auth:login.title') }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  return { redirectTo: safeRedirectPath(new URL(request.url).searchParams.get('redirectTo')) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const submission = await parseForm(request, LoginSchema)
  if (!submission.ok) return badRequest(submission.reply)
  const { email, password } = submission.value
  const redirectTo = safeRedirectPath(submission.value.redirectTo)
  const result = await attemptLogin({ email, password, clientIp: clientIpOf(request, context) })
  switch (result.kind) {
    case 'rateLimited':
      return rateLimitedReply(result.retryAfterMs, { email })
    case 'refused':
      return formMessage('auth:login.refused', { email })
    case 'twoFactorRequired':
      return redirect('/login/two-factor', {
        headers: { 'Set-Cookie': await startChallenge({ token: result.challengeToken, redirectTo }) },
      })
    case 'signedIn':
      return redirect(redirectTo, { headers: await signedInHeaders(result.userId, request) })
  }
}

export default function Login() {
  const { t } = useTranslation('auth')
  const { redirectTo } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const validated = useValidatedForm(LoginSchema, isFormReply(actionData) ? actionData : null)
  return (
    <div className="narrow">
      <h1>{t('login.title')}</h1>
      <ValidatedForm validated={validated}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          form={validated.form}
          name="email"
          type="email"
          autoComplete="username"
          label={t('fields.email')}
          defaultValue={validated.reply?.values?.email}
          required
        />
        <TextField
          form={validated.form}
          name="password"
          type="password"
          autoComplete="current-password"
          label={t('fields.password')}
          required
        />
        <SubmitButton>{t('login.submit')}</SubmitButton>
      </ValidatedForm>
      <p>
        <Link to="/forgot-password">{t('login.forgotPassword')}</Link>
      </p>
      <p>
        {t('login.noAccount')} <Link to="/signup">{t('login.signUp')}</Link>
      </p>
    </div>
  )
}
