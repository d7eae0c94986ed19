import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { SubmitButton, TextField, useValidatedForm, ValidatedForm } from '~/components/form'
import { NewPasswordFields } from '~/components/new-password-fields'
import {
  acceptInvitation,
  acceptInvitationWithNewAccount,
  findInvitation,
  type InvitationProblem,
} from '~/models/invitation.server'
import { InvitationSignupSchema } from '~/schemas/invitation'
import { isFormReply } from '~/utils/forms'
import { badRequest, formError, parseForm } from '~/utils/forms.server'
import { getLocale } from '~/utils/i18n.server'
import type { PageHandle } from '~/utils/page-title'
import { createSession, getOptionalUser } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const handle: PageHandle = { pageTitle: (t) => t('organizations:invitation.title') }

type JoinError = InvitationProblem | 'wrongAccount' | 'staffAccount' | 'accountExists'

const statusFor: Record<JoinError, number> = {
  invalid: 400,
  expired: 410,
  revoked: 410,
  accepted: 410,
  wrongAccount: 403,
  staffAccount: 403,
  accountExists: 409,
}

/** Who is looking at the invitation decides what the page offers. */
type Viewer = 'newPerson' | 'existingAccount' | 'invitee' | 'otherAccount' | 'staff'

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const [lookup, user] = await Promise.all([
    findInvitation(url.searchParams.get('token')),
    getOptionalUser(request),
  ])
  if (!lookup.ok) {
    return data({ problem: lookup.error, invitation: null }, { status: statusFor[lookup.error] })
  }
  const { hasAccount, ...invitation } = lookup.invitation
  const viewer: Viewer = !user
    ? hasAccount
      ? 'existingAccount'
      : 'newPerson'
    : user.email.toLowerCase() !== invitation.email.toLowerCase()
      ? 'otherAccount'
      : user.staffRole
        ? 'staff'
        : 'invitee'
  const loginHref = `/login?${new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` })}`
  return data({ problem: null, invitation: { ...invitation, viewer, loginHref } })
}

export async function action({ request }: ActionFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token')
  const user = await getOptionalUser(request)
  if (user) {
    const result = await acceptInvitation(user, token)
    if (!result.ok) return joinError(result.error)
    return redirectWithToast(`/organizations/${result.organizationId}`, 'organizations:invitation.joined')
  }
  const submission = await parseForm(request, InvitationSignupSchema)
  if (!submission.ok) return badRequest(submission.reply)
  const result = await acceptInvitationWithNewAccount(token, submission.value, await getLocale(request))
  if (!result.ok) return joinError(result.error)
  const cookie = await createSession(result.userId, request)
  return redirectWithToast(`/organizations/${result.organizationId}`, 'organizations:invitation.joined', {
    headers: { 'Set-Cookie': cookie },
  })
}

function joinError(error: JoinError) {
  return formError(`organizations:invitation.errors.${error}`, statusFor[error])
}

export default function InvitationPage() {
  const { t } = useTranslation('organizations')
  const { problem, invitation } = useLoaderData<typeof loader>()
  if (!invitation) {
    return (
      <div className="narrow">
        <h1>{t('invitation.title')}</h1>
        <p className="notice" role="alert">
          {t(`invitation.errors.${problem}`)}
        </p>
        <p>{t('invitation.askForNew')}</p>
      </div>
    )
  }
  return (
    <div className="narrow">
      <h1>{t('invitation.title')}</h1>
      <p>
        {t('invitation.summary', {
          organization: invitation.organizationName,
          role: t(`roles.${invitation.role}`),
        })}
      </p>
      <dl className="details">
        <dt>{t('fields.organization')}</dt>
        <dd>{invitation.organizationName}</dd>
        <dt>{t('fields.role')}</dt>
        <dd>{t(`roles.${invitation.role}`)}</dd>
        <dt>{t('invitation.invitedEmail')}</dt>
        <dd dir="ltr">{invitation.email}</dd>
      </dl>
      <ViewerSection viewer={invitation.viewer} email={invitation.email} loginHref={invitation.loginHref} />
    </div>
  )
}

function ViewerSection({ viewer, email, loginHref }: { viewer: Viewer; email: string; loginHref: string }) {
  const { t } = useTranslation('organizations')
  const actionData = useActionData<typeof action>()
  const reply = isFormReply(actionData) ? actionData : null
  switch (viewer) {
    case 'invitee':
      return (
        <Form method="post">
          {reply?.formError ? (
            <p className="form-error" role="alert">
              {t(reply.formError)}
            </p>
          ) : null}
          <SubmitButton>{t('invitation.accept')}</SubmitButton>
        </Form>
      )
    case 'otherAccount':
      return (
        <div className="notice" role="status">
          <p>{t('invitation.otherAccount')}</p>
          <Form method="post" action="/logout">
            <button type="submit" className="button">
              {t('invitation.signOut')}
            </button>
          </Form>
        </div>
      )
    case 'staff':
      return (
        <p className="notice" role="status">
          {t('invitation.errors.staffAccount')}
        </p>
      )
    case 'existingAccount':
      return (
        <>
          <p>{t('invitation.existingAccount')}</p>
          <p>
            <a className="button button-primary" href={loginHref}>
              {t('invitation.signInToAccept')}
            </a>
          </p>
        </>
      )
    case 'newPerson':
      return <SignupForm email={email} loginHref={loginHref} />
  }
}

function SignupForm({ email, loginHref }: { email: string; loginHref: string }) {
  const { t } = useTranslation('organizations')
  const actionData = useActionData<typeof action>()
  const validated = useValidatedForm(InvitationSignupSchema, isFormReply(actionData) ? actionData : null)
  const { form, reply } = validated
  return (
    <section aria-labelledby="signup-heading">
      <h2 id="signup-heading">{t('invitation.signup.heading')}</h2>
      <p>{t('invitation.signup.intro')}</p>
      <ValidatedForm validated={validated}>
        <TextField
          form={form}
          name="email"
          type="email"
          label={t('fields.email')}
          hint={t('invitation.signup.emailHint')}
          readOnly
          dir="ltr"
          defaultValue={email}
          autoComplete="username"
        />
        <TextField
          form={form}
          name="name"
          label={t('fields.yourName')}
          required
          autoComplete="name"
          defaultValue={reply?.values?.name}
        />
        <NewPasswordFields form={form} />
        <SubmitButton>{t('invitation.signup.submit')}</SubmitButton>
      </ValidatedForm>
      <p>
        {t('invitation.signup.haveAccount')} <a href={loginHref}>{t('invitation.signInToAccept')}</a>
      </p>
    </section>
  )
}
