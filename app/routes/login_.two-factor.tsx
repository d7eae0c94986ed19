import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { SubmitButton, useValidatedForm, ValidatedForm } from '~/components/form'
import { TotpCodeField } from '~/components/totp-code-field'
import { completeTwoFactorLogin } from '~/models/login.server'
import { findValidToken } from '~/models/token.server'
import { TwoFactorCodeSchema } from '~/schemas/auth'
import { fieldError } from '~/utils/form-replies.server'
import { isFormReply } from '~/utils/forms'
import { badRequest, parseForm } from '~/utils/forms.server'
import { endChallenge, readChallenge } from '~/utils/login-challenge.server'
import { rateLimitedReply, signedInHeaders } from '~/utils/login-responses.server'
import type { PageHandle } from '~/utils/page-title'
import { clientIpOf } from '~/utils/rate-limit'
import { requireAnonymous } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const handle: PageHandle = { pageTitle: (t) => t('auth:twoFactorLogin.title') }

/** Back to the password step when the challenge is missing, used or older than ten minutes. */
async function challengeExpired() {
  return redirectWithToast('/login', 'auth:twoFactorLogin.expired', {
    headers: { 'Set-Cookie': await endChallenge() },
  })
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  const challenge = await readChallenge(request)
  if (!(await findValidToken(challenge?.token, 'TWO_FACTOR_LOGIN'))) throw await challengeExpired()
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const challenge = await readChallenge(request)
  if (!challenge) return challengeExpired()
  const submission = await parseForm(request, TwoFactorCodeSchema)
  if (!submission.ok) return badRequest(submission.reply)
  const result = await completeTwoFactorLogin({
    challengeToken: challenge.token,
    code: submission.value.code,
    clientIp: clientIpOf(request, context),
  })
  switch (result.kind) {
    case 'expired':
      return challengeExpired()
    case 'rateLimited':
      return rateLimitedReply(result.retryAfterMs)
    case 'refused':
      return fieldError('code', 'auth:twoFactor.codeWrong')
    case 'signedIn':
      return redirect(challenge.redirectTo, {
        headers: await signedInHeaders(result.userId, request, await endChallenge()),
      })
  }
}

export default function TwoFactorLogin() {
  const { t } = useTranslation('auth')
  const actionData = useActionData<typeof action>()
  const validated = useValidatedForm(TwoFactorCodeSchema, isFormReply(actionData) ? actionData : null)
  return (
    <div className="narrow">
      <h1>{t('twoFactorLogin.title')}</h1>
      <p>{t('twoFactorLogin.intro')}</p>
      <ValidatedForm validated={validated}>
        <TotpCodeField form={validated.form} />
        <SubmitButton>{t('twoFactorLogin.submit')}</SubmitButton>
      </ValidatedForm>
      <p>
        <Link to="/login">{t('twoFactorLogin.back')}</Link>
      </p>
    </div>
  )
}
