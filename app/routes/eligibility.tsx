import { data, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { translateMessage } from '~/components/form'
import { EligibilitySchema } from '~/schemas/eligibility'
import publicStyles from '~/styles/public.css'
import { parseForm } from '~/utils/forms.server'
import type { FormReply } from '~/utils/forms'
import { getLocale } from '~/utils/i18n.server'
import { formatEuros } from '~/utils/locale-format'
import type { PageHandle } from '~/utils/page-title'
import { getOptionalUser } from '~/utils/session.server'
import {
  purposes,
  qualificationKinds,
  recognitionStates,
  salaryThresholds,
  suggestTitles,
  thresholdYearFor,
  titleDetails,
  type Reason,
} from '~/workflow/eligibility'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: publicStyles }]

export const handle: PageHandle = { pageTitle: (t) => t('eligibility:title') }

/**
 * Public. The questionnaire is sent with GET, so a result can be bookmarked and shared. Answers that do
 * not validate answer 400 with the field messages, like a refused form submission.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const [locale, user] = await Promise.all([getLocale(request), getOptionalUser(request)])
  const year = thresholdYearFor(new Date())
  // A signed-in organization member can start a case on a suggested title straight away.
  const organizations = (user?.memberships ?? []).map((membership) => ({
    id: membership.organizationId,
    legalName: membership.organization.legalName,
  }))
  const page = { year, thresholds: formatEuros(salaryThresholds[year], locale), organizations }
  const query = new URL(request.url).searchParams
  if (!query.toString()) return { ...page, reply: null, suggestions: null }

  const form = new FormData()
  query.forEach((value, key) => form.append(key, value))
  const submission = await parseForm(form, EligibilitySchema)
  if (!submission.ok) return data({ ...page, reply: submission.reply, suggestions: null }, { status: 400 })

  const display = ({ key, amounts, years }: Reason) => ({
    key,
    values: {
      ...(amounts ? formatEuros(amounts, locale) : {}),
      ...(years === undefined ? {} : { count: years }),
    },
  })
  const suggestions = suggestTitles(submission.value, year).map((suggestion) => ({
    title: suggestion.title,
    procedure: suggestion.procedure,
    reasons: suggestion.reasons.map(display),
    blockers: suggestion.blockers.map(display),
    threshold: suggestion.threshold
      ? {
          kind: suggestion.threshold.kind,
          amount: formatEuros({ amount: suggestion.threshold.amount }, locale).amount,
        }
      : null,
  }))
  const reply: FormReply = { fieldErrors: {}, values: Object.fromEntries(query) }
  return { ...page, reply, suggestions }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>
type Field = { name: string; reply: FormReply | null }

/** The field's first message, translated. */
function useFieldError({ name, reply }: Field) {
  const { t } = useTranslation()
  const error = reply?.fieldErrors[name]?.[0]
  return error ? translateMessage(t, error) : undefined
}

function RadioGroup({
  name,
  reply,
  options,
  hasHint = false,
}: Field & { options: readonly string[]; hasHint?: boolean }) {
  const { t } = useTranslation('eligibility')
  const id = useId()
  const error = useFieldError({ name, reply })
  const describedBy = [hasHint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ')
  const isYesNo = options.length === 2 && options[0] === 'yes'
  return (
    <fieldset aria-describedby={describedBy || undefined}>
      <legend>{t(`questions.${name}.legend`)}</legend>
      {hasHint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {t(`questions.${name}.hint`)}
        </p>
      ) : null}
      {options.map((option) => (
        <div key={option}>
          <input
            type="radio"
            id={`${id}-${option}`}
            name={name}
            value={option}
            defaultChecked={reply?.values?.[name] === option}
          />{' '}
          <label htmlFor={`${id}-${option}`}>
            {t(isYesNo ? `answers.${option}` : `questions.${name}.options.${option}`)}
          </label>
        </div>
      ))}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}

function NumberField({ name, reply, step }: Field & { step: string }) {
  const { t } = useTranslation('eligibility')
  const id = useId()
  const error = useFieldError({ name, reply })
  return (
    <div className="field">
      <label htmlFor={id}>{t(`questions.${name}.label`)}</label>
      <p className="field-hint" id={`${id}-hint`}>
        {t(`questions.${name}.hint`)}
      </p>
      <input
        type="number"
        id={id}
        name={name}
        min="0"
        step={step}
        inputMode={step === '1' ? 'numeric' : 'decimal'}
        dir="ltr"
        defaultValue={reply?.values?.[name]}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  )
}

const yesNo = ['yes', 'no'] as const

function Questionnaire({ reply }: { reply: FormReply | null }) {
  const { t } = useTranslation('eligibility')
  return (
    <Form method="get" noValidate>
      {Object.keys(reply?.fieldErrors ?? {}).length > 0 ? (
        <p className="form-error" role="alert">
          {t('form.hasErrors')}
        </p>
      ) : null}
      <RadioGroup name="purpose" reply={reply} options={purposes} />
      <RadioGroup name="hasJobOffer" reply={reply} options={yesNo} />
      <RadioGroup name="qualificationKind" reply={reply} options={qualificationKinds} />
      <RadioGroup name="isRecognised" reply={reply} options={recognitionStates} hasHint />
      <NumberField name="yearsOfExperience" reply={reply} step="1" />
      <NumberField name="annualSalary" reply={reply} step="0.01" />
      <RadioGroup name="isShortageOccupation" reply={reply} options={yesNo} hasHint />
      <RadioGroup name="isItSpecialist" reply={reply} options={yesNo} />
      <RadioGroup name="isRecentGraduate" reply={reply} options={yesNo} />
      <RadioGroup name="age45OrOlder" reply={reply} options={yesNo} />
      <RadioGroup name="hasPensionProvision" reply={reply} options={yesNo} hasHint />
      <button type="submit" className="button button-primary">
        {t('form.submit')}
      </button>
    </Form>
  )
}

type DisplayedSuggestion = NonNullable<LoaderData['suggestions']>[number]
type Organization = LoaderData['organizations'][number]

function SuggestionCard({
  suggestion,
  organizations,
}: {
  suggestion: DisplayedSuggestion
  organizations: Organization[]
}) {
  const { t } = useTranslation('eligibility')
  const { key, germanName, citation } = titleDetails[suggestion.title]
  const name = t(`titles.${key}`)
  return (
    <li className="card">
      <h3>
        {name} ({/* German legal names and citations stay German in every language (WCAG 3.1.2) */}
        <span lang="de" dir="ltr">
          {name === germanName ? citation : `${germanName}, ${citation}`}
        </span>
        )
      </h3>
      {suggestion.threshold ? (
        <p>
          {t('results.threshold', {
            name: t(`thresholds.${suggestion.threshold.kind}`),
            amount: suggestion.threshold.amount,
          })}
        </p>
      ) : null}
      <h4>{t('results.reasons')}</h4>
      <ul>
        {suggestion.reasons.map((reason) => (
          <li key={reason.key}>{t(reason.key, reason.values)}</li>
        ))}
      </ul>
      {suggestion.blockers.length > 0 ? (
        <>
          <h4>{t('results.blockers')}</h4>
          <ul>
            {suggestion.blockers.map((blocker) => (
              <li key={blocker.key}>{t(blocker.key, blocker.values)}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <Link to={`/procedures/${suggestion.procedure}`}>{t('results.procedureLink', { title: name })}</Link>
      </p>
      {organizations.map((organization) => (
        <p key={organization.id}>
          <Link
            to={`/organizations/${organization.id}/cases/new?${new URLSearchParams({ title: suggestion.title })}`}
          >
            {organizations.length === 1
              ? t('cases:eligibility.startCase')
              : t('cases:eligibility.startCaseFor', { organization: organization.legalName })}
          </Link>
        </p>
      ))}
    </li>
  )
}

export default function EligibilityPage() {
  const { t } = useTranslation('eligibility')
  const { year, thresholds, organizations, reply, suggestions } = useLoaderData<typeof loader>()
  return (
    <div className="public-page">
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <p className="notice" role="note">
        {t('disclaimer', { year })}
      </p>

      {suggestions ? (
        <section aria-labelledby="eligibility-results">
          <h2 id="eligibility-results">{t('results.heading')}</h2>
          <p>{t('results.year', { year })}</p>
          {suggestions.length > 0 ? (
            <ol className="card-grid">
              {suggestions.map((suggestion) => (
                <SuggestionCard
                  key={suggestion.title}
                  suggestion={suggestion}
                  organizations={organizations}
                />
              ))}
            </ol>
          ) : (
            <p>{t('results.none')}</p>
          )}
        </section>
      ) : null}

      <section aria-labelledby="eligibility-questions">
        <h2 id="eligibility-questions">{t('form.heading')}</h2>
        <Questionnaire reply={reply} />
      </section>

      <section aria-labelledby="eligibility-thresholds">
        <h2 id="eligibility-thresholds">{t('thresholds.heading', { year })}</h2>
        <dl className="details">
          {Object.entries(thresholds).map(([kind, amount]) => (
            <div key={kind}>
              <dt>{t(`thresholds.${kind}`)}</dt>
              <dd>{amount}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  )
}
