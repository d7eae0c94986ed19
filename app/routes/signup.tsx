import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { SubmitButton, TextField, useValidatedForm, ValidatedForm } from '~/components/form'
import { LanguageField } from '~/components/language-field'
import { NewPasswordFields } from '~/components/new-password-fields'
import { signUp } from '~/models/user.server'
import { SignupSchema } from '~/schemas/auth'
import { fieldError } from '~/utils/form-replies.server'
import { isFormReply } from '~/utils/forms'
import { badRequest, parseForm } from '~/utils/forms.server'
import { languageCookie } from '~/utils/i18n.server'
import type { PageHandle } from '~/utils/page-title'
import { createSession, requireAnonymous } from '~/utils/session.server'

export const handle: PageHandle = { pageTitle: (t) => t('auth:signup.title') }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const submission = await parseForm(request, SignupSchema)
  if (!submission.ok) return badRequest(submission.reply)
  const { name, email, language } = submission.value
  const created = await signUp(submission.value)
  if (!created) return fieldError('email', 'auth:signup.emailTaken', { name, email, language })
  const headers = new Headers()
  headers.append('Set-Cookie', await createSession(created.userId, request))
  headers.append('Set-Cookie', await languageCookie.serialize(language))
  return redirect('/verify-email', { headers })
}

export default function Signup() {
  const { t, i18n } = useTranslation('auth')
  const actionData = useActionData<typeof action>()
  const validated = useValidatedForm(SignupSchema, isFormReply(actionData) ? actionData : null)
  const values = validated.reply?.values
  return (
    <div className="narrow">
      <h1>{t('signup.title')}</h1>
      <p>{t('signup.intro')}</p>
      <ValidatedForm validated={validated}>
        <TextField
          form={validated.form}
          name="name"
          autoComplete="name"
          label={t('fields.name')}
          defaultValue={values?.name}
          required
        />
        <TextField
          form={validated.form}
          name="email"
          type="email"
          autoComplete="email"
          label={t('fields.email')}
          hint={t('signup.emailHint')}
          defaultValue={values?.email}
          required
        />
        <NewPasswordFields form={validated.form} />
        <LanguageField
          form={validated.form}
          label={t('fields.language')}
          hint={t('fields.languageHint')}
          defaultValue={values?.language ?? i18n.language}
        />
        <SubmitButton>{t('signup.submit')}</SubmitButton>
      </ValidatedForm>
      <p>
        {t('signup.haveAccount')} <Link to="/login">{t('signup.signIn')}</Link>
      </p>
    </div>
  )
}
