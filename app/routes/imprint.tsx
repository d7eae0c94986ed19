import type { LinksFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ContactDetails, DemoDataNotice } from '~/components/contact-details'
import { ContentSection, Paragraphs, readSection, readStrings } from '~/components/content-section'
import { authority } from '~/content/authority'
import publicStyles from '~/styles/public.css'
import type { PageHandle } from '~/utils/page-title'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: publicStyles }]

export const handle: PageHandle = { pageTitle: (t) => t('public:imprint.title') }

/** Public. Impressum (§ 5 DDG, § 18 MStV). */
export async function loader() {
  return { authority }
}

export default function Imprint() {
  const { t } = useTranslation('public')
  const { authority } = useLoaderData<typeof loader>()
  const values = { organization: authority.legalEntity, responsible: authority.responsibleForContent }
  return (
    <div className="public-page">
      <h1>{t('imprint.title')}</h1>
      <Paragraphs texts={readStrings(t, 'imprint.intro', values)} />
      <ContentSection content={readSection(t, 'imprint.sections.provider', values)}>
        <ContactDetails contact={authority.office} />
      </ContentSection>
      <ContentSection content={readSection(t, 'imprint.sections.representation', values)} />
      <ContentSection content={readSection(t, 'imprint.sections.supervisoryAuthority', values)}>
        <ContactDetails contact={authority.supervisoryAuthority} />
      </ContentSection>
      <ContentSection content={readSection(t, 'imprint.sections.responsible', values)} />
      <ContentSection content={readSection(t, 'imprint.sections.information', values)} />
      <DemoDataNotice isDemo={authority.isDemo} />
    </div>
  )
}
