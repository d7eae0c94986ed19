import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { SelectField, SubmitButton, TextField, useValidatedForm, ValidatedForm } from '~/components/form'
import { LanguageField } from '~/components/language-field'
import { MembersTable } from '~/components/members-table'
import { inviteMember, revokeInvitation } from '~/models/invitation.server'
import { getMembersPage, removeMember } from '~/models/organization.server'
import { InviteMemberSchema, MembersActionSchema, orgRoles } from '~/schemas/organization'
import { isFormReply, type FormReply } from '~/utils/forms'
import { fieldError } from '~/utils/form-replies.server'
import { badRequest, formError, parseForm } from '~/utils/forms.server'
import { formatDate } from '~/utils/locale-format'
import type { PageHandle } from '~/utils/page-title'
import { canDoOrganizationAction } from '~/utils/permissions'
import { notFound, requireOrganizationAccess } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'

export const handle: PageHandle = { pageTitle: (t) => t('organizations:members.title') }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireOrganizationAccess(request, params.orgId, 'view')
  const page = (await getMembersPage(params.orgId!)) ?? notFound()
  return {
    ...page,
    currentUserId: user.id,
    canManage: canDoOrganizationAction(user, page.organization.id, 'manageMembers'),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireOrganizationAccess(request, params.orgId, 'manageMembers')
  const organizationId = params.orgId!
  const membersUrl = `/organizations/${organizationId}/members`
  const submission = await parseForm(request, MembersActionSchema)
  if (!submission.ok) return badRequest(submission.reply)
  const input = submission.value
  switch (input.intent) {
    case 'invite': {
      const result = await inviteMember(user, organizationId, input)
      if (!result.ok) {
        const { intent, email, role, locale } = input
        return fieldError('email', `organizations:members.invite.errors.${result.error}`, {
          intent,
          email,
          role,
          locale,
        })
      }
      return redirectWithToast(membersUrl, 'organizations:members.invite.sent')
    }
    case 'remove': {
      const result = await removeMember(user, organizationId, input.membershipId)
      if (!result.ok)
        return result.error === 'notFound' ? notFound() : formError('organizations:members.lastAdmin')
      return result.isSelf
        ? redirectWithToast('/dashboard', 'organizations:members.left')
        : redirectWithToast(membersUrl, 'organizations:members.removed')
    }
    case 'revoke': {
      const result = await revokeInvitation(user, organizationId, input.invitationId)
      if (!result.ok) {
        return result.error === 'notFound' ? notFound() : formError('organizations:invitations.notOpen', 409)
      }
      return redirectWithToast(membersUrl, 'organizations:invitations.revoked')
    }
  }
}

export default function Members() {
  const { t, i18n } = useTranslation('organizations')
  const { organization, members, invitations, currentUserId, canManage } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const reply = isFormReply(actionData) ? actionData : null
  // Remove and revoke answer with a form-level message; the invitation form echoes its own values.
  const listError = reply?.formError && !reply.values ? reply.formError : null
  const inviteReply = reply?.values?.intent === 'invite' ? reply : null
  const adminCount = members.filter((member) => member.role === 'ORG_ADMIN').length
  // The server refuses it as well: an organization always keeps at least one admin.
  const removeAction = (member: (typeof members)[number]) =>
    member.role === 'ORG_ADMIN' && adminCount === 1 ? null : (
      <RowActionForm
        intent="remove"
        idName="membershipId"
        id={member.id}
        label={t('members.remove')}
        accessibleLabel={t('members.removeLabel', { name: member.user.name })}
      />
    )
  return (
    <>
      <p>
        <Link to={`/organizations/${organization.id}`}>
          {t('members.backToOrganization', { name: organization.legalName })}
        </Link>
      </p>
      <h1>{t('members.heading', { name: organization.legalName })}</h1>
      {listError ? (
        <p className="form-error" role="alert">
          {t(listError)}
        </p>
      ) : null}
      <MembersTable
        members={members}
        currentUserId={currentUserId}
        actions={canManage ? removeAction : undefined}
      />
      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">{t('invitations.heading')}</h2>
        {invitations.length === 0 ? (
          <p>{t('invitations.none')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('fields.email')}</th>
                  <th scope="col">{t('fields.role')}</th>
                  <th scope="col">{t('invitations.expiresColumn')}</th>
                  {canManage ? <th scope="col">{t('members.actionsColumn')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {invitations.map((invitation) => (
                  <tr key={invitation.id}>
                    <td dir="ltr">{invitation.email}</td>
                    <td>{t(`roles.${invitation.role}`)}</td>
                    <td>{formatDate(invitation.expiresAt, i18n.language)}</td>
                    {canManage ? (
                      <td>
                        <RowActionForm
                          intent="revoke"
                          idName="invitationId"
                          id={invitation.id}
                          label={t('invitations.revoke')}
                          accessibleLabel={t('invitations.revokeLabel', { email: invitation.email })}
                        />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {canManage ? <InviteForm reply={inviteReply} /> : null}
    </>
  )
}

/** One row's action: the hidden intent says which form was sent, the id which row it is for. */
function RowActionForm({
  intent,
  idName,
  id,
  label,
  accessibleLabel,
}: {
  intent: 'remove' | 'revoke'
  idName: 'membershipId' | 'invitationId'
  id: string
  label: string
  accessibleLabel: string
}) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={idName} value={id} />
      <button type="submit" className="button button-danger" aria-label={accessibleLabel}>
        {label}
      </button>
    </Form>
  )
}

function InviteForm({ reply }: { reply: FormReply | null }) {
  const { t, i18n } = useTranslation('organizations')
  const validated = useValidatedForm(InviteMemberSchema, reply)
  const { form } = validated
  return (
    <section aria-labelledby="invite-heading" className="narrow">
      <h2 id="invite-heading">{t('members.invite.heading')}</h2>
      <p>{t('members.invite.intro')}</p>
      <ValidatedForm validated={validated}>
        <input type="hidden" name="intent" value="invite" />
        <TextField
          form={form}
          name="email"
          type="email"
          label={t('fields.email')}
          required
          dir="ltr"
          defaultValue={reply?.values?.email}
        />
        <SelectField
          form={form}
          name="role"
          label={t('fields.role')}
          hint={t('members.invite.roleHint')}
          required
          defaultValue={reply?.values?.role ?? 'ORG_MEMBER'}
          options={orgRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        />
        <LanguageField
          form={form}
          name="locale"
          label={t('members.invite.language')}
          hint={t('members.invite.languageHint')}
          defaultValue={reply?.values?.locale ?? i18n.language}
        />
        <SubmitButton>{t('members.invite.submit')}</SubmitButton>
      </ValidatedForm>
    </section>
  )
}
