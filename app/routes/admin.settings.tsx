import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { SubmitButton, useValidatedForm, ValidatedForm } from '~/components/form'
import { getSettings, updateSettings } from '~/models/settings.server'
import { countStaffTwoFactor } from '~/models/staff.server'
import { SettingsSchema } from '~/schemas/settings'
import { isFormReply } from '~/utils/forms'
import { badRequest, parseForm } from '~/utils/forms.server'
import type { PageHandle } from '~/utils/page-title'
import { requireAuthority } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'

export const handle: PageHandle = { pageTitle: (t) => t('staff:settings.title') }

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAuthority(request, 'manageSettings')
  const [settings, twoFactor] = await Promise.all([getSettings(), countStaffTwoFactor()])
  return { settings, twoFactor, hasOwnTwoFactor: admin.totpEnabledAt !== null }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAuthority(request, 'manageSettings')
  const submission = await parseForm(request, SettingsSchema)
  if (!submission.ok) return badRequest(submission.reply)
  await updateSettings(admin, submission.value)
  return redirectWithToast('/admin/settings', 'staff:toast.settingsSaved')
}

export default function Settings() {
  const { t } = useTranslation('staff')
  const { settings, twoFactor, hasOwnTwoFactor } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const validated = useValidatedForm(SettingsSchema, isFormReply(actionData) ? actionData : null)
  const checkboxId = useId()
  return (
    <div className="narrow">
      <h1>{t('settings.title')}</h1>
      <section aria-labelledby="two-factor-heading">
        <h2 id="two-factor-heading">{t('settings.twoFactor.heading')}</h2>
        <p>{t('settings.twoFactor.what')}</p>
        <p>{t('settings.twoFactor.effect')}</p>
        <p>
          {t('settings.twoFactor.adoption', {
            total: twoFactor.active,
            withTwoFactor: twoFactor.withTwoFactor,
          })}
        </p>
        {hasOwnTwoFactor ? null : (
          <div className="notice">
            <p>{t('settings.twoFactor.ownAccount')}</p>
            <p>
              <Link to="/account/two-factor">{t('settings.twoFactor.ownAccountLink')}</Link>
            </p>
          </div>
        )}
        <ValidatedForm validated={validated} key={String(settings.requireStaffTwoFactor)}>
          <p className="field">
            <label htmlFor={checkboxId}>
              <input
                id={checkboxId}
                type="checkbox"
                defaultChecked={settings.requireStaffTwoFactor}
                {...validated.form.register('requireStaffTwoFactor')}
              />{' '}
              {t('settings.twoFactor.label')}
            </label>
          </p>
          <SubmitButton>{t('common:actions.save')}</SubmitButton>
        </ValidatedForm>
      </section>
    </div>
  )
}
