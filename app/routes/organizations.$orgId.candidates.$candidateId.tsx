import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'

import { CandidateForm } from '~/components/candidate-form'
import { getCandidate, updateCandidate, type Candidate } from '~/models/candidate.server'
import { listCandidateCases } from '~/models/case.server'
import { parseCandidateForm } from '~/utils/candidate-form.server'
import { countryName } from '~/utils/countries'
import { fromDateOnly } from '~/utils/date-only'
import { isFormReply } from '~/utils/forms'
import { languages } from '~/utils/i18n'
import { formatDate } from '~/utils/locale-format'
import type { PageHandle } from '~/utils/page-title'
import { notFound, requireOrganizationAccess } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'

export const handle: PageHandle = {
  pageTitle: (t, data) => {
    const candidate = (data as { candidate?: Candidate } | undefined)?.candidate
    return candidate ? t('candidates:list.name', candidate) : t('candidates:details.title')
  },
}

async function requireCandidate(request: Request, params: LoaderFunctionArgs['params']) {
  const user = await requireOrganizationAccess(request, params.orgId, 'view')
  const candidate = (await getCandidate(params.orgId!, params.candidateId ?? '')) ?? notFound()
  return { user, candidate }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { candidate } = await requireCandidate(request, params)
  return { candidate, cases: await listCandidateCases(candidate.organizationId, candidate.id) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, candidate } = await requireCandidate(request, params)
  const submission = await parseCandidateForm(request, candidate)
  if (!submission.ok) return submission.response
  await updateCandidate(user, candidate, submission.value)
  return redirectWithToast(
    `/organizations/${candidate.organizationId}/candidates/${candidate.id}`,
    'candidates:toast.updated',
  )
}

export default function CandidatePage() {
  const { t } = useTranslation('candidates')
  const { candidate, cases } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="narrow">
      <p>
        <Link to={`/organizations/${candidate.organizationId}/candidates`}>{t('list.title')}</Link>
      </p>
      <h1>{t('list.name', candidate)}</h1>
      <CandidateDetails candidate={candidate} />
      <CandidateCases candidate={candidate} cases={cases} />
      <section aria-labelledby="edit-heading">
        <h2 id="edit-heading">{t('details.editHeading')}</h2>
        <CandidateForm
          key={new Date(candidate.updatedAt).toISOString()}
          reply={isFormReply(actionData) ? actionData : null}
          values={candidate}
          submitLabel={t('common:actions.save')}
        />
      </section>
    </div>
  )
}

function CandidateCases({
  candidate,
  cases,
}: {
  candidate: Candidate
  cases: Awaited<ReturnType<typeof listCandidateCases>>
}) {
  const { t } = useTranslation('cases')
  const base = `/organizations/${candidate.organizationId}/cases`
  return (
    <section aria-labelledby="cases-heading">
      <h2 id="cases-heading">{t('candidate.heading')}</h2>
      {cases.length > 0 ? (
        <ul>
          {cases.map((kase) => (
            <li key={kase.id}>
              <Link to={`${base}/${kase.id}`} dir="ltr">
                {kase.fileNumber}
              </Link>
              {' – '}
              {t(`workflow:titles.${kase.title}`)} ({t(`workflow:caseStatus.${kase.status}`)})
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('candidate.none')}</p>
      )}
      <p>
        <Link to={`${base}/new?candidate=${candidate.id}`} className="button">
          {t('candidate.start')}
        </Link>
      </p>
    </section>
  )
}

function CandidateDetails({ candidate }: { candidate: Candidate }) {
  const { t, i18n } = useTranslation('candidates')
  const date = (value: string) => formatDate(fromDateOnly(value), i18n.language)
  const country = (code: string) => countryName(code, i18n.language)
  const rows: [string, string][] = [
    ['surname', candidate.surname],
    ['givenNames', candidate.givenNames],
    ['dateOfBirth', date(candidate.dateOfBirth)],
    ['placeOfBirth', candidate.placeOfBirth],
    ['nationality', country(candidate.nationality)],
    ['passportNumber', candidate.passportNumber],
    ['passportExpiry', date(candidate.passportExpiry)],
    ['email', candidate.email],
    ['phone', candidate.phone],
    [
      'preferredLanguage',
      languages.find((language) => language.code === candidate.preferredLanguage)?.name ??
        candidate.preferredLanguage,
    ],
    ['qualificationKind', t(`qualificationKinds.${candidate.qualificationKind}`)],
    ['qualificationTitle', candidate.qualificationTitle],
    ['qualificationCountry', country(candidate.qualificationCountry)],
    ['qualificationYear', String(candidate.qualificationYear)],
    ['countryOfResidence', country(candidate.countryOfResidence)],
    [
      'intendedEntryDate',
      candidate.intendedEntryDate ? date(candidate.intendedEntryDate) : t('details.notPlanned'),
    ],
  ]
  return (
    <dl className="details">
      {rows.map(([field, value]) => (
        <Fragment key={field}>
          <dt>{t(`fields.${field}`)}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  )
}
