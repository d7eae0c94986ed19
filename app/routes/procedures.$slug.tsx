import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'

import {
  ContentSection,
  Paragraphs,
  readSection,
  readStrings,
  readTerms,
  TermList,
} from '~/components/content-section'
import { StartLinks, useIsSignedIn } from '~/components/start-links'
import {
  amounts,
  findProcedure,
  LEGAL_STATUS_DATE,
  ORDERED_SECTION_KEYS,
  procedures,
  type ProcedureStep,
} from '~/content/procedures'
import publicStyles from '~/styles/public.css'
import { getLocale } from '~/utils/i18n.server'
import { formatEuros, formatMonth } from '~/utils/locale-format'
import type { PageHandle } from '~/utils/page-title'
import { notFound } from '~/utils/permissions.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: publicStyles }]

export const handle: PageHandle = {
  pageTitle: (t, data) => {
    const procedure = findProcedure((data as { procedure?: { slug?: unknown } } | undefined)?.procedure?.slug)
    return procedure ? t(`public:${procedure.titleKey}`) : ''
  },
}

/** Public. An unknown procedure answers 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const procedure = findProcedure(params.slug)
  if (!procedure) notFound()
  const locale = await getLocale(request)
  return {
    procedure,
    amounts: formatEuros(amounts, locale),
    legalStatus: formatMonth(LEGAL_STATUS_DATE, locale),
  }
}

type Values = Record<string, string>

function Step({ step, values }: { step: ProcedureStep; values: Values }) {
  const { t } = useTranslation('public')
  const separator = t('procedure.listSeparator')
  return (
    <li>
      <h3>
        {t(step.titleKey)}
        {step.isOptional ? <span className="badge">{t('procedure.optional')}</span> : null}
      </h3>
      <Paragraphs texts={readStrings(t, step.paragraphsKey, values)} />
      <dl className="details">
        <dt>{t('procedure.labels.actors')}</dt>
        <dd>{step.actors.map((actor) => t(`procedure.actors.${actor}`)).join(separator)}</dd>
        <dt>{t('procedure.labels.deadline')}</dt>
        <dd>
          {step.deadline
            ? t('procedure.deadline', {
                duration: t(`procedure.durations.${step.deadline.unit}`, { count: step.deadline.amount }),
                kind: t(`procedure.deadlineKinds.${step.deadline.kind}`),
              })
            : t('procedure.noDeadline')}
        </dd>
        <dt>{t('procedure.labels.legalBasis')}</dt>
        <dd>
          {step.legalBasis.map((citation, index) => (
            <Fragment key={citation}>
              {index > 0 ? separator : null}
              {/* German citations stay German in every language (WCAG 3.1.2, bidi-isolated in Arabic) */}
              <span lang="de" dir="ltr">
                {citation}
              </span>
            </Fragment>
          ))}
        </dd>
      </dl>
    </li>
  )
}

export default function ProcedurePage() {
  const { t } = useTranslation('public')
  const { procedure, amounts, legalStatus } = useLoaderData<typeof loader>()
  const isSignedIn = useIsSignedIn()
  const otherProcedures = procedures.filter((other) => other.slug !== procedure.slug)
  return (
    <div className="public-page">
      <h1>{t(procedure.titleKey)}</h1>
      <p className="lead">{t(procedure.summaryKey, amounts)}</p>

      <section>
        <h2>{t('procedure.factsHeading')}</h2>
        <TermList terms={readTerms(t, procedure.factsKey, amounts)} />
      </section>

      <ContentSection content={readSection(t, procedure.overviewKey, amounts)} />

      <section>
        <h2>{t('procedure.stepsHeading')}</h2>
        <p>{t('procedure.stepsIntro')}</p>
        <ol className="steps">
          {procedure.steps.map((step) => (
            <Step key={step.id} step={step} values={amounts} />
          ))}
        </ol>
      </section>

      {procedure.sectionKeys.map((key) => (
        <ContentSection
          key={key}
          content={readSection(t, key, amounts)}
          isOrdered={ORDERED_SECTION_KEYS.has(key)}
        />
      ))}

      <section>
        <h2>{t('procedure.start.heading')}</h2>
        <p>{t(isSignedIn ? 'procedure.start.signedIn' : 'procedure.start.text')}</p>
        <StartLinks />
      </section>

      <section>
        <h2>{t('procedure.otherProcedures')}</h2>
        <ul>
          {otherProcedures.map((other) => (
            <li key={other.slug}>
              <Link to={`/procedures/${other.slug}`}>{t(other.titleKey)}</Link>
            </li>
          ))}
        </ul>
      </section>

      <p className="notice" role="note">
        {t('procedure.disclaimer', { date: legalStatus })}
      </p>
    </div>
  )
}
