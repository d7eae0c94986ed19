import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { CurrentPasswordField } from '~/components/current-password-field'
import { SubmitButton, useValidatedForm, ValidatedForm } from '~/components/form'
import { TotpCodeField } from '~/components/totp-code-field'
import {
  confirmTwoFactorSetup,
  disableTwoFactor,
  getTwoFactorState,
  startTwoFactorSetup,
} from '~/models/two-factor.server'
import { DisableTwoFactorSchema, TwoFactorCodeSchema } from '~/schemas/auth'
import { fieldError } from '~/utils/form-replies.server'
import { isFormReply } from '~/utils/forms'
import { badRequest, formError, parseForm } from '~/utils/forms.server'
import { getLocale, getTranslator } from '~/utils/i18n.server'
import type { PageHandle } from '~/utils/page-title'
import { notFound } from '~/utils/permissions.server'
import { requireUser } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const handle: PageHandle = { pageTitle: (t) => t('auth:account.twoFactor.title') }

/** Two-factor login is offered to authority and embassy staff; for everyone else the page does not exist. */
async function requireStaff(request: Request) {
  const user = await requireUser(request)
  if (user.staffRole === null) notFound()
  return user
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request)
  // The name the authenticator app lists the account under.
  const issuer = (await getTranslator(await getLocale(request)))('app.name')
  return getTwoFactorState(user.id, issuer)
}

const HERE = '/account/two-factor'

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request)
  const formData = await request.formData()
  switch (formData.get('intent')) {
    case 'start': {
      await startTwoFactorSetup(user.id)
      return redirectWithToast(HERE, 'auth:account.twoFactor.scanNow')
    }
    case 'confirm': {
      const submission = await parseForm(formData, TwoFactorCodeSchema)
      if (!submission.ok) return badRequest(submission.reply)
      if (!(await confirmTwoFactorSetup(user.id, submission.value.code))) {
        return fieldError('code', 'auth:twoFactor.codeWrong')
      }
      return redirectWithToast(HERE, 'auth:account.twoFactor.enabled')
    }
    case 'disable': {
      const submission = await parseForm(formData, DisableTwoFactorSchema)
      if (!submission.ok) return badRequest(submission.reply)
      const result = await disableTwoFactor(user.id, submission.value)
      switch (result) {
        case 'required':
          return formError('auth:account.twoFactor.cannotDisable', 403)
        case 'wrongPassword':
          return fieldError('currentPassword', 'auth:account.password.currentWrong')
        case 'wrongCode':
          return fieldError('code', 'auth:twoFactor.codeWrong')
        case 'disabled':
          return redirectWithToast(HERE, 'auth:account.twoFactor.disabled')
      }
    }
  }
  throw new Response('Bad Request', { status: 400 })
}

export default function TwoFactor() {
  const { t } = useTranslation('auth')
  const { enabledAt, pending, isRequired } = useLoaderData<typeof loader>()
  return (
    <section aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading">{t('account.twoFactor.title')}</h2>
      <p>{t('account.twoFactor.intro')}</p>
      {isRequired && !enabledAt ? (
        <p className="notice" role="status">
          {t('account.twoFactor.requiredNotice')}
        </p>
      ) : null}
      {enabledAt ? (
        <EnabledState isRequired={isRequired} />
      ) : pending ? (
        <SetupState qrCode={pending.qrCode} secret={pending.secret} />
      ) : (
        <>
          <p>
            <span className="badge badge-pending">{t('account.twoFactor.statusOff')}</span>
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="start" />
            <SubmitButton>{t('account.twoFactor.start')}</SubmitButton>
          </Form>
        </>
      )}
    </section>
  )
}

function SetupState({ qrCode, secret }: { qrCode: string; secret: string }) {
  const { t } = useTranslation('auth')
  const actionData = useActionData<typeof action>()
  const validated = useValidatedForm(TwoFactorCodeSchema, isFormReply(actionData) ? actionData : null)
  return (
    <>
      <ol>
        <li>{t('account.twoFactor.stepInstall')}</li>
        <li>
          {t('account.twoFactor.stepScan')}
          <div>
            <img src={qrCode} alt={t('account.twoFactor.qrAlt')} width={200} height={200} />
          </div>
          <p>{t('account.twoFactor.manualEntry')}</p>
          <p>
            <code dir="ltr" translate="no">
              {secret}
            </code>
          </p>
        </li>
        <li>{t('account.twoFactor.stepConfirm')}</li>
      </ol>
      <ValidatedForm validated={validated}>
        <input type="hidden" name="intent" value="confirm" />
        <TotpCodeField form={validated.form} />
        <SubmitButton>{t('account.twoFactor.confirm')}</SubmitButton>
      </ValidatedForm>
    </>
  )
}

function EnabledState({ isRequired }: { isRequired: boolean }) {
  const { t } = useTranslation('auth')
  const actionData = useActionData<typeof action>()
  const validated = useValidatedForm(DisableTwoFactorSchema, isFormReply(actionData) ? actionData : null)
  return (
    <>
      <p>
        <span className="badge badge-verified">{t('account.twoFactor.statusOn')}</span>
      </p>
      {isRequired ? (
        <p>{t('account.twoFactor.cannotDisable')}</p>
      ) : (
        <>
          <h3>{t('account.twoFactor.disableTitle')}</h3>
          <p>{t('account.twoFactor.disableIntro')}</p>
          <ValidatedForm validated={validated}>
            <input type="hidden" name="intent" value="disable" />
            <CurrentPasswordField form={validated.form} />
            <TotpCodeField form={validated.form} />
            <SubmitButton className="button button-danger">{t('account.twoFactor.disable')}</SubmitButton>
          </ValidatedForm>
        </>
      )}
    </>
  )
}
