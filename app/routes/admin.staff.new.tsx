import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { AdminBreadcrumbs } from '~/components/admin-nav'
import { SubmitButton, TextField, useValidatedForm, ValidatedForm } from '~/components/form'
import { LanguageField } from '~/components/language-field'
import { StaffRoleFields } from '~/components/staff-role-fields'
import { listMissionChoices } from '~/models/mission.server'
import { createStaffAccount, CreateStaffServerSchema, INVITATION_VALID_DAYS } from '~/models/staff.server'
import { CreateStaffSchema } from '~/schemas/staff'
import { isFormReply } from '~/utils/forms'
import { badRequest, formError, parseForm } from '~/utils/forms.server'
import { defaultLanguage } from '~/utils/i18n'
import type { PageHandle } from '~/utils/page-title'
import { requireAuthority } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'

export const handle: PageHandle = { pageTitle: (t) => t('staff:create.title') }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAuthority(request, 'manageStaff')
  return { missions: await listMissionChoices(), invitationValidDays: INVITATION_VALID_DAYS }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAuthority(request, 'manageStaff')
  const submission = await parseForm(request, CreateStaffServerSchema)
  if (!submission.ok) return badRequest(submission.reply)
  const result = await createStaffAccount(admin, submission.value)
  if (!result.ok) return formError(result.error)
  return redirectWithToast(`/admin/staff/${result.userId}`, 'staff:toast.created')
}

export default function CreateStaff() {
  const { t } = useTranslation('staff')
  const { missions, invitationValidDays } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const validated = useValidatedForm(CreateStaffSchema, isFormReply(actionData) ? actionData : null)
  const { form, reply } = validated
  const values = reply?.values
  return (
    <div className="narrow">
      <AdminBreadcrumbs
        trail={[{ to: '/admin/staff', label: t('list.title') }]}
        current={t('create.title')}
      />
      <h1>{t('create.title')}</h1>
      <p>{t('create.intro', { count: invitationValidDays })}</p>
      <ValidatedForm validated={validated}>
        <p>{t('form.requiredNote')}</p>
        <TextField
          form={form}
          name="name"
          label={t('fields.name')}
          required
          autoComplete="off"
          defaultValue={values?.name}
        />
        <TextField
          form={form}
          name="email"
          type="email"
          label={t('fields.email')}
          hint={t('form.emailHint')}
          required
          autoComplete="off"
          dir="ltr"
          defaultValue={values?.email}
        />
        <StaffRoleFields form={form} missions={missions} role={values?.role} missionId={values?.missionId} />
        {missions.length === 0 ? (
          <p>
            <Link to="/admin/missions/new">{t('form.createMissionFirst')}</Link>
          </p>
        ) : null}
        <LanguageField
          form={form}
          label={t('fields.language')}
          hint={t('form.languageHint')}
          defaultValue={values?.language ?? defaultLanguage}
        />
        <p>
          <SubmitButton>{t('create.submit')}</SubmitButton>{' '}
          <Link to="/admin/staff">{t('common:actions.cancel')}</Link>
        </p>
      </ValidatedForm>
    </div>
  )
}
