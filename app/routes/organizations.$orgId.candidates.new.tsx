import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { CandidateForm } from '~/components/candidate-form'
import { createCandidate } from '~/models/candidate.server'
import { parseCandidateForm } from '~/utils/candidate-form.server'
import { isFormReply } from '~/utils/forms'
import type { PageHandle } from '~/utils/page-title'
import { requireOrganizationAccess } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'

export const handle: PageHandle = { pageTitle: (t) => t('candidates:new.title') }

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganizationAccess(request, params.orgId, 'view')
  return null
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireOrganizationAccess(request, params.orgId, 'view')
  const submission = await parseCandidateForm(request)
  if (!submission.ok) return submission.response
  const candidate = await createCandidate(user, params.orgId!, submission.value)
  return redirectWithToast(
    `/organizations/${params.orgId}/candidates/${candidate.id}`,
    'candidates:toast.created',
  )
}

export default function NewCandidate() {
  const { t } = useTranslation('candidates')
  const { orgId } = useParams()
  const actionData = useActionData<typeof action>()
  return (
    <div className="narrow">
      <p>
        <Link to={`/organizations/${orgId}/candidates`}>{t('list.title')}</Link>
      </p>
      <h1>{t('new.title')}</h1>
      <p>{t('new.intro')}</p>
      <CandidateForm reply={isFormReply(actionData) ? actionData : null} submitLabel={t('new.submit')} />
    </div>
  )
}
