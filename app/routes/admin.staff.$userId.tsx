import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { AdminBreadcrumbs } from '~/components/admin-nav'
import { SubmitButton, translateMessage, useValidatedForm, ValidatedForm } from '~/components/form'
import { StaffRoleFields } from '~/components/staff-role-fields'
import { StaffStatus } from '~/components/staff-status'
import { listMissionChoices } from '~/models/mission.server'
import {
  changeStaffRole,
  ChangeStaffRoleServerSchema,
  deactivateStaff,
  getStaffMember,
  reactivateStaff,
  resendStaffInvitation,
} from '~/models/staff.server'
import { ChangeStaffRoleSchema, StaffIntentSchema } from '~/schemas/staff'
import { isFormReply, type FormReply } from '~/utils/forms'
import { badRequest, formError, parseForm } from '~/utils/forms.server'
import { languages } from '~/utils/i18n'
import { formatDate } from '~/utils/locale-format'
import type { PageHandle } from '~/utils/page-title'
import { notFound, requireAuthority } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'

export const handle: PageHandle = {
  pageTitle: (t, data) => t('staff:detail.title', { name: (data as LoaderData | undefined)?.member.name }),
}

/** Staff accounts only: organization users are not managed here, so their ids answer 404 like unknown ones. */
async function requireStaffMember(request: Request, userId: string | undefined) {
  const admin = await requireAuthority(request, 'manageStaff')
  const member = (await getStaffMember(userId ?? '')) ?? notFound()
  return { admin, member }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { admin, member } = await requireStaffMember(request, params.userId)
  return { member, missions: await listMissionChoices(), isSelf: member.id === admin.id }
}

type LoaderData = Awaited<ReturnType<typeof loader>>

export async function action({ request, params }: ActionFunctionArgs) {
  const { admin, member } = await requireStaffMember(request, params.userId)
  const formData = await request.formData()
  const intent = await parseForm(formData, StaffIntentSchema)
  if (!intent.ok) return badRequest(intent.reply)
  const here = `/admin/staff/${member.id}`
  switch (intent.value.intent) {
    case 'changeRole': {
      const submission = await parseForm(formData, ChangeStaffRoleServerSchema)
      if (!submission.ok) return badRequest(submission.reply)
      const result = await changeStaffRole(admin, member.id, submission.value)
      return result.ok ? redirectWithToast(here, 'staff:toast.roleChanged') : formError(result.error)
    }
    case 'deactivate': {
      const result = await deactivateStaff(admin, member.id)
      return result.ok ? redirectWithToast(here, 'staff:toast.deactivated') : formError(result.error)
    }
    case 'reactivate':
      await reactivateStaff(admin, member.id)
      return redirectWithToast(here, 'staff:toast.reactivated')
    case 'resendInvitation': {
      const result = await resendStaffInvitation(admin, member.id)
      return result.ok ? redirectWithToast(here, 'staff:toast.invitationSent') : formError(result.error)
    }
  }
}

export default function StaffMember() {
  const { t, i18n } = useTranslation('staff')
  const { member, missions, isSelf } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const reply = isFormReply(actionData) ? actionData : null
  const isInvitationPending = !member.hasPassword && !member.deactivatedAt
  return (
    <>
      <AdminBreadcrumbs trail={[{ to: '/admin/staff', label: t('list.title') }]} current={member.name} />
      <h1>{member.name}</h1>
      {reply?.formError ? (
        <p className="form-error" role="alert">
          {translateMessage(t, reply.formError)}
        </p>
      ) : null}
      <dl className="details">
        <dt>{t('fields.email')}</dt>
        <dd dir="ltr">{member.email}</dd>
        <dt>{t('fields.role')}</dt>
        <dd>{t(`roles.${member.staffRole}`)}</dd>
        {member.mission ? (
          <>
            <dt>{t('fields.mission')}</dt>
            <dd>
              <Link to={`/admin/missions/${member.mission.id}`}>{member.mission.name}</Link>
            </dd>
          </>
        ) : null}
        <dt>{t('fields.language')}</dt>
        <dd>{languages.find((language) => language.code === member.locale)?.name ?? member.locale}</dd>
        <dt>{t('fields.twoFactor')}</dt>
        <dd>{t(member.totpEnabledAt ? 'twoFactor.on' : 'twoFactor.off')}</dd>
        <dt>{t('fields.status')}</dt>
        <dd>
          <StaffStatus isDeactivated={member.deactivatedAt !== null} hasPassword={member.hasPassword} />
          {member.deactivatedAt
            ? ` ${t('detail.deactivatedOn', { date: formatDate(member.deactivatedAt, i18n.language) })}`
            : null}
        </dd>
        <dt>{t('fields.createdAt')}</dt>
        <dd>{formatDate(member.createdAt, i18n.language)}</dd>
        <dt>{t('fields.activeSessions')}</dt>
        <dd>{member.activeSessions}</dd>
      </dl>

      <section aria-labelledby="role-heading">
        <h2 id="role-heading">{t('detail.roleHeading')}</h2>
        <RoleForm
          key={`${member.staffRole}-${member.mission?.id}`}
          reply={reply}
          missions={missions}
          role={member.staffRole}
          missionId={member.mission?.id}
          isSelf={isSelf}
        />
      </section>

      {isInvitationPending ? (
        <section aria-labelledby="invitation-heading">
          <h2 id="invitation-heading">{t('detail.invitationHeading')}</h2>
          <p>{t('detail.invitationText')}</p>
          <IntentButton intent="resendInvitation" label={t('detail.resendInvitation')} />
        </section>
      ) : null}

      <section aria-labelledby="access-heading">
        <h2 id="access-heading">{t('detail.accessHeading')}</h2>
        {member.deactivatedAt ? (
          <>
            <p>{t('detail.reactivateText')}</p>
            <IntentButton intent="reactivate" label={t('detail.reactivate')} />
          </>
        ) : isSelf ? (
          <p>{t('detail.cannotDeactivateSelfNote')}</p>
        ) : (
          <>
            <p>{t('detail.deactivateText')}</p>
            <IntentButton
              intent="deactivate"
              label={t('detail.deactivate')}
              className="button button-danger"
            />
          </>
        )}
      </section>
    </>
  )
}

function RoleForm({
  reply,
  missions,
  role,
  missionId,
  isSelf,
}: {
  reply: FormReply | null
  missions: { id: string; name: string }[]
  role: string
  missionId?: string
  isSelf: boolean
}) {
  const { t } = useTranslation('staff')
  // The refusal is shown once, above the page's forms.
  const validated = useValidatedForm(ChangeStaffRoleSchema, reply && { ...reply, formError: undefined })
  const values = reply?.values
  return (
    <ValidatedForm validated={validated}>
      <input type="hidden" name="intent" value="changeRole" />
      {isSelf ? <p>{t('detail.cannotDemoteSelfNote')}</p> : null}
      <StaffRoleFields
        form={validated.form}
        missions={missions}
        role={values?.role ?? role}
        missionId={values?.missionId ?? missionId}
      />
      <SubmitButton>{t('detail.saveRole')}</SubmitButton>
    </ValidatedForm>
  )
}

function IntentButton({ intent, label, className }: { intent: string; label: string; className?: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <SubmitButton className={className}>{label}</SubmitButton>
    </Form>
  )
}
