import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { RouteField } from '~/components/case/route-field'
import { SelectField, SubmitButton, TextField, useValidatedForm, ValidatedForm } from '~/components/form'
import { listCandidatesForCase, startCase } from '~/models/case.server'
import { getOrganization } from '~/models/organization.server'
import { parseRoute, routeChoices, StartCaseSchema } from '~/schemas/case'
import { fromDateOnly, toDateOnly } from '~/utils/date-only'
import { fieldError } from '~/utils/form-replies.server'
import { isFormReply } from '~/utils/forms'
import { badRequest, formError, parseForm } from '~/utils/forms.server'
import { formatDate } from '~/utils/locale-format'
import type { PageHandle } from '~/utils/page-title'
import { requireOrganizationAccess } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'

export const handle: PageHandle = { pageTitle: (t) => t('cases:start.title') }

/** The route a title from the eligibility helper stands for: the accelerated procedure where it covers it. */
function routeForTitle(title: string | null) {
  const matching = routeChoices.filter((choice) => choice.title === title)
  return (matching.find((choice) => choice.procedureId === 'skilled-worker-81a') ?? matching[0])?.value
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganizationAccess(request, params.orgId, 'view')
  const search = new URL(request.url).searchParams
  const [candidates, organization] = await Promise.all([
    listCandidatesForCase(params.orgId!),
    getOrganization(params.orgId!),
  ])
  const candidateId = search.get('candidate')
  return {
    organizationId: params.orgId!,
    isVerified: organization?.status === 'VERIFIED',
    candidates: candidates.map((candidate) => ({
      ...candidate,
      dateOfBirth: toDateOnly(candidate.dateOfBirth),
    })),
    selected: {
      candidateId: candidates.some((candidate) => candidate.id === candidateId) ? candidateId! : undefined,
      route: routeForTitle(search.get('title')),
    },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireOrganizationAccess(request, params.orgId, 'view')
  const submission = await parseForm(request, StartCaseSchema)
  if (!submission.ok) return badRequest(submission.reply)
  const route = parseRoute(submission.value.route)!
  const started = await startCase(user, params.orgId!, { ...submission.value, ...route })
  if (!started.ok && started.reason === 'organizationNotVerified') {
    return formError('cases:start.notVerified', 403)
  }
  if (!started.ok) {
    return fieldError('candidateId', 'cases:validation.candidate', {
      route: submission.value.route,
      position: submission.value.position,
    })
  }
  return redirectWithToast(`/organizations/${params.orgId}/cases/${started.id}`, 'cases:toast.started')
}

export default function StartCase() {
  const { t, i18n } = useTranslation('cases')
  const { organizationId, isVerified, candidates, selected } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const reply = isFormReply(actionData) ? actionData : null
  const validated = useValidatedForm(StartCaseSchema, reply)
  const values = reply?.values
  return (
    <div className="narrow">
      <p>
        <Link to={`/organizations/${organizationId}/cases`}>{t('list.title')}</Link>
      </p>
      <h1>{t('start.title')}</h1>
      <p>{t('start.intro')}</p>
      {!isVerified ? (
        <p className="notice">{t('start.notVerified')}</p>
      ) : candidates.length === 0 ? (
        <p className="notice">
          {t('start.noCandidates')}{' '}
          <Link to={`/organizations/${organizationId}/candidates/new`}>{t('start.registerCandidate')}</Link>
        </p>
      ) : (
        <ValidatedForm validated={validated}>
          <p>{t('candidates:form.requiredNote')}</p>
          <SelectField
            form={validated.form}
            name="candidateId"
            label={t('fields.candidate')}
            required
            defaultValue={values?.candidateId ?? selected.candidateId ?? ''}
            options={[
              { value: '', label: t('start.chooseCandidate') },
              ...candidates.map((candidate) => ({
                value: candidate.id,
                label: t('start.candidateOption', {
                  name: t('candidates:list.name', candidate),
                  dateOfBirth: formatDate(fromDateOnly(candidate.dateOfBirth), i18n.language),
                }),
              })),
            ]}
          />
          <RouteField form={validated.form} defaultValue={values?.route ?? selected.route} />
          <TextField
            form={validated.form}
            name="position"
            label={t('fields.position')}
            hint={t('start.positionHint')}
            required
            maxLength={200}
            defaultValue={values?.position}
          />
          <TextField
            form={validated.form}
            name="annualSalary"
            label={t('start.annualSalary')}
            hint={t('start.annualSalaryHint')}
            inputMode="numeric"
            dir="ltr"
            defaultValue={values?.annualSalary}
          />
          <TextField
            form={validated.form}
            name="plannedStartOn"
            type="date"
            label={t('start.plannedStartOn')}
            hint={t('start.plannedStartOnHint')}
            defaultValue={values?.plannedStartOn}
          />
          <SubmitButton>{t('start.submit')}</SubmitButton>
        </ValidatedForm>
      )}
    </div>
  )
}
