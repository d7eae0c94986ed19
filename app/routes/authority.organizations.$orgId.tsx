import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { SubmitButton, TextAreaField, useValidatedForm, ValidatedForm } from '~/components/form'
import { MembersTable } from '~/components/members-table'
import { OrganizationDetails, Paragraphs } from '~/components/organization-details'
import { OrganizationStatusBadge } from '~/components/organization-status-badge'
import {
  decideOrganization,
  getOrganizationForAuthority,
  organizationExists,
} from '~/models/organization.server'
import {
  OrganizationDecisionSchema,
  REJECTION_REASON_MAX,
  REJECTION_REASON_MIN,
  RejectOrganizationSchema,
} from '~/schemas/organization'
import { isFormReply, type FormReply } from '~/utils/forms'
import { badRequest, formError, parseForm } from '~/utils/forms.server'
import { formatDate } from '~/utils/locale-format'
import type { PageHandle } from '~/utils/page-title'
import { canDoAuthorityAction } from '~/utils/permissions'
import { notFound, requireAuthority } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'

export const handle: PageHandle = {
  pageTitle: (t, data) =>
    (data as { organization?: { legalName: string } } | undefined)?.organization?.legalName ??
    t('organizations:authority.detail.title'),
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireAuthority(request, 'viewOrganizations')
  const organization = (await getOrganizationForAuthority(params.orgId!)) ?? notFound()
  return { organization, canDecide: canDoAuthorityAction(user, 'verifyOrganizations') }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAuthority(request, 'verifyOrganizations')
  const organizationId = params.orgId!
  if (!(await organizationExists(organizationId))) notFound()
  const submission = await parseForm(request, OrganizationDecisionSchema)
  if (!submission.ok) return badRequest(submission.reply)
  const result = await decideOrganization(user, organizationId, submission.value)
  if (!result.ok) {
    return result.error === 'notFound'
      ? notFound()
      : formError('organizations:authority.decision.alreadyDecided', 409)
  }
  return redirectWithToast(
    `/authority/organizations/${organizationId}`,
    submission.value.intent === 'verify'
      ? 'organizations:authority.decision.verified'
      : 'organizations:authority.decision.rejected',
  )
}

export default function AuthorityOrganization() {
  const { t, i18n } = useTranslation('organizations')
  const { organization, canDecide } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const reply = isFormReply(actionData) ? actionData : null
  const conflict = reply?.formError && !reply.values ? reply.formError : null
  return (
    <>
      <p>
        <Link to="/authority/organizations">{t('authority.detail.backToList')}</Link>
      </p>
      <h1>{organization.legalName}</h1>
      <p>
        {t('overview.statusHeading')} <OrganizationStatusBadge status={organization.status} />
      </p>
      {conflict ? (
        <p className="form-error" role="alert">
          {t(conflict)}
        </p>
      ) : null}
      <section aria-labelledby="decision-heading">
        <h2 id="decision-heading">{t('authority.decision.heading')}</h2>
        {organization.status === 'PENDING' ? (
          canDecide ? (
            <DecisionForms reply={reply?.values?.intent === 'reject' ? reply : null} />
          ) : (
            <p className="notice">{t('authority.decision.leadOnly')}</p>
          )
        ) : (
          <dl className="details">
            <dt>{t('authority.decision.outcome')}</dt>
            <dd>{t(`status.${organization.status}`)}</dd>
            {organization.decidedAt ? (
              <>
                <dt>{t('authority.decision.decidedOn')}</dt>
                <dd>{formatDate(organization.decidedAt, i18n.language)}</dd>
              </>
            ) : null}
            {organization.decidedBy ? (
              <>
                <dt>{t('authority.decision.decidedBy')}</dt>
                <dd>{organization.decidedBy.name}</dd>
              </>
            ) : null}
            {organization.decisionReason ? (
              <>
                <dt>{t('fields.reason')}</dt>
                <dd>
                  <Paragraphs text={organization.decisionReason} />
                </dd>
              </>
            ) : null}
          </dl>
        )}
      </section>
      <h2>{t('overview.detailsHeading')}</h2>
      <OrganizationDetails organization={organization} />
      <MembersTable members={organization.memberships} />
    </>
  )
}

function DecisionForms({ reply }: { reply: FormReply | null }) {
  const { t } = useTranslation('organizations')
  const validated = useValidatedForm(RejectOrganizationSchema, reply)
  return (
    <>
      <p>{t('authority.decision.intro')}</p>
      <div className="card-grid">
        <div className="card">
          <h3>{t('authority.decision.verifyHeading')}</h3>
          <p>{t('authority.decision.verifyText')}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="verify" />
            <SubmitButton>{t('authority.decision.verify')}</SubmitButton>
          </Form>
        </div>
        <div className="card">
          <h3>{t('authority.decision.rejectHeading')}</h3>
          <ValidatedForm validated={validated}>
            <input type="hidden" name="intent" value="reject" />
            <TextAreaField
              form={validated.form}
              name="reason"
              label={t('fields.reason')}
              hint={t('authority.decision.reasonHint', {
                minimum: REJECTION_REASON_MIN,
                maximum: REJECTION_REASON_MAX,
              })}
              required
              rows={5}
              maxLength={REJECTION_REASON_MAX}
              defaultValue={reply?.values?.reason}
            />
            <SubmitButton className="button button-danger">{t('authority.decision.reject')}</SubmitButton>
          </ValidatedForm>
        </div>
      </div>
    </>
  )
}
