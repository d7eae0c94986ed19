import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ContactDetails, DemoDataNotice } from '~/components/contact-details'
import { ContentSection, Paragraphs, readSection, readStrings } from '~/components/content-section'
import { authority } from '~/content/authority'
import { ACCESSIBILITY_STATEMENT_DATE } from '~/content/legal-pages'
import publicStyles from '~/styles/public.css'
import { appUrl } from '~/utils/env.server'
import { getLocale } from '~/utils/i18n.server'
import { formatDate } from '~/utils/locale-format'
import type { PageHandle } from '~/utils/page-title'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: publicStyles }]

export const handle: PageHandle = { pageTitle: (t) => t('public:accessibility.title') }

/** Public. Erklärung zur Barrierefreiheit after the model of Implementing Decision (EU) 2018/1523. */
export async function loader({ request }: LoaderFunctionArgs) {
  return {
    authority,
    portalUrl: appUrl(),
    preparedOn: formatDate(ACCESSIBILITY_STATEMENT_DATE, await getLocale(request)),
  }
}

export default function AccessibilityStatement() {
  const { t } = useTranslation('public')
  const { authority, portalUrl, preparedOn } = useLoaderData<typeof loader>()
  const values = {
    authority: authority.office.name,
    url: portalUrl,
    date: preparedOn,
    body: authority.accessibilityEnforcementBody,
    email: authority.accessibilityContact.email,
  }
  return (
    <div className="public-page">
      <h1>{t('accessibility.title')}</h1>
      <Paragraphs texts={readStrings(t, 'accessibility.intro', values)} />
      <ContentSection content={readSection(t, 'accessibility.sections.status', values)} />
      <ContentSection content={readSection(t, 'accessibility.sections.limitations', values)} />
      <ContentSection content={readSection(t, 'accessibility.sections.preparation', values)} />
      <ContentSection content={readSection(t, 'accessibility.sections.feedback', values)}>
        <ContactDetails contact={authority.accessibilityContact} />
      </ContentSection>
      <ContentSection content={readSection(t, 'accessibility.sections.enforcement', values)} />
      <div className="plain-language">
        <ContentSection content={readSection(t, 'accessibility.sections.plainLanguage', values)} />
      </div>
      <DemoDataNotice isDemo={authority.isDemo} />
    </div>
  )
}
