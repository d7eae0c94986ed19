import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ContentSection, readSection } from '~/components/content-section'
import { StartLinks } from '~/components/start-links'
import { amounts, procedures } from '~/content/procedures'
import publicStyles from '~/styles/public.css'
import { getLocale } from '~/utils/i18n.server'
import { formatEuros } from '~/utils/locale-format'
import type { PageHandle } from '~/utils/page-title'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: publicStyles }]

export const handle: PageHandle = { pageTitle: (t) => t('public:landing.title') }

/** Public; signed-in users may read it too (their call to action leads to the dashboard). */
export async function loader({ request }: LoaderFunctionArgs) {
  return { amounts: formatEuros(amounts, await getLocale(request)) }
}

const audiences = ['employers', 'universities', 'research', 'agencies'] as const

export default function Landing() {
  const { t } = useTranslation('public')
  const { amounts } = useLoaderData<typeof loader>()
  return (
    <div className="public-page">
      <div className="hero">
        <h1>{t('landing.heading')}</h1>
        <p className="lead">{t('landing.lead')}</p>
        <StartLinks />
      </div>

      <ContentSection content={readSection(t, 'landing.features')} />

      <section>
        <h2>{t('landing.audiences.heading')}</h2>
        <ul className="card-grid">
          {audiences.map((audience) => (
            <li key={audience} className="card">
              <h3>{t(`landing.audiences.${audience}.heading`)}</h3>
              <p>{t(`landing.audiences.${audience}.text`)}</p>
            </li>
          ))}
        </ul>
        <p>{t('landing.audiences.closing')}</p>
      </section>

      <ContentSection content={readSection(t, 'landing.start')} isOrdered />

      <section>
        <h2>{t('landing.procedures.heading')}</h2>
        <p>{t('landing.procedures.text')}</p>
        <p>
          <Link to="/eligibility">{t('landing.procedures.eligibilityLink')}</Link>
        </p>
        <ul className="card-grid">
          {procedures.map((procedure) => (
            <li key={procedure.slug} className="card">
              <h3>
                <Link to={`/procedures/${procedure.slug}`}>{t(procedure.titleKey)}</Link>
              </h3>
              <p>{t(procedure.summaryKey)}</p>
              <p>{t(procedure.durationKey)}</p>
            </li>
          ))}
        </ul>
      </section>

      <ContentSection content={readSection(t, 'landing.durations', amounts)} />

      <div className="plain-language">
        <ContentSection content={readSection(t, 'landing.plainLanguage')} id="plain-language" />
      </div>
    </div>
  )
}
