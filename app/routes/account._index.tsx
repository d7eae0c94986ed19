import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { SubmitButton, TextField, useValidatedForm, ValidatedForm } from '~/components/form'
import { LanguageField } from '~/components/language-field'
import { updateProfile } from '~/models/user.server'
import { ProfileSchema } from '~/schemas/auth'
import { isFormReply } from '~/utils/forms'
import { badRequest, parseForm } from '~/utils/forms.server'
import { languageCookie } from '~/utils/i18n.server'
import type { PageHandle } from '~/utils/page-title'
import { requireUser } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const handle: PageHandle = { pageTitle: (t) => t('auth:account.profile.title') }

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return { name: user.name, email: user.email, locale: user.locale }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const submission = await parseForm(request, ProfileSchema)
  if (!submission.ok) return badRequest(submission.reply)
  await updateProfile(user.id, submission.value)
  return redirectWithToast('/account', 'auth:account.profile.saved', {
    // The browser holds the translations of one language only: a new language needs a full page load.
    headers: {
      'Set-Cookie': await languageCookie.serialize(submission.value.language),
      'X-Remix-Reload-Document': 'true',
    },
  })
}

export default function Profile() {
  const { t } = useTranslation('auth')
  const profile = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const validated = useValidatedForm(ProfileSchema, isFormReply(actionData) ? actionData : null)
  const values = validated.reply?.values
  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('account.profile.title')}</h2>
      <dl className="details">
        <dt>{t('fields.email')}</dt>
        <dd>{profile.email}</dd>
      </dl>
      <ValidatedForm validated={validated}>
        <TextField
          form={validated.form}
          name="name"
          autoComplete="name"
          label={t('fields.name')}
          defaultValue={values?.name ?? profile.name}
          required
        />
        <LanguageField
          form={validated.form}
          label={t('fields.language')}
          hint={t('fields.languageHint')}
          defaultValue={values?.language ?? profile.locale}
        />
        <SubmitButton>{t('common:actions.save')}</SubmitButton>
      </ValidatedForm>
    </section>
  )
}
