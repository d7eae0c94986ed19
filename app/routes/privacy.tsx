import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { ContactDetails, DemoDataNotice } from '~/components/contact-details'
import { ContentSection, Paragraphs, readSection, readStrings } from '~/components/content-section'
import { authority } from '~/content/authority'
import { cookies, PRIVACY_NOTICE_DATE } from '~/content/legal-pages'
import publicStyles from '~/styles/public.css'
import { getLocale } from '~/utils/i18n.server'
import { formatDate } from '~/utils/locale-format'
import type { PageHandle } from '~/utils/page-title'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: publicStyles }]

export const handle: PageHandle = { pageTitle: (t) => t('public:privacy.title') }

/** Public. Datenschutzhinweise under Art. 13 and 14 GDPR. */
export async function loader({ request }: LoaderFunctionArgs) {
  return { authority, updatedOn: formatDate(PRIVACY_NOTICE_DATE, await getLocale(request)) }
}

const sections = [
  'controller',
  'dataProtectionOfficer',
  'purposes',
  'categories',
  'sources',
  'recipients',
  'emails',
  'retention',
  'rights',
  'obligation',
  'automatedDecisions',
  'cookies',
] as const

function CookieTable() {
  const { t } = useTranslation('public')
  return (
    <table>
      <caption>{t('privacy.cookies.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('privacy.cookies.name')}</th>
          <th scope="col">{t('privacy.cookies.purpose')}</th>
          <th scope="col">{t('privacy.cookies.lifetime')}</th>
        </tr>
      </thead>
      <tbody>
        {cookies.map((cookie) => (
          <tr key={cookie.name}>
            <td>
              <code>{cookie.name}</code>
            </td>
            <td>{t(`privacy.cookies.${cookie.key}.purpose`)}</td>
            <td>{t(`privacy.cookies.${cookie.key}.lifetime`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export default function PrivacyNotice() {
  const { t } = useTranslation('public')
  const { authority, updatedOn } = useLoaderData<typeof loader>()
  const extras: Partial<Record<(typeof sections)[number], ReactNode>> = {
    controller: <ContactDetails contact={authority.office} />,
    dataProtectionOfficer: (
      <ContactDetails
        contact={authority.dataProtectionOfficer}
        attention={t('privacy.dataProtectionOfficer')}
      />
    ),
    rights: <ContactDetails contact={authority.dataProtectionAuthority} />,
    cookies: <CookieTable />,
  }
  return (
    <div className="public-page">
      <h1>{t('privacy.title')}</h1>
      <Paragraphs texts={readStrings(t, 'privacy.intro')} />
      <nav className="table-of-contents" aria-labelledby="privacy-contents">
        <h2 id="privacy-contents">{t('privacy.contents')}</h2>
        <ol>
          {sections.map((section) => (
            <li key={section}>
              <a href={`#${section}`}>{t(`privacy.sections.${section}.heading`)}</a>
            </li>
          ))}
        </ol>
      </nav>
      {sections.map((section) => (
        <ContentSection key={section} id={section} content={readSection(t, `privacy.sections.${section}`)}>
          {extras[section]}
        </ContentSection>
      ))}
      <p>{t('privacy.updated', { date: updatedOn })}</p>
      <DemoDataNotice isDemo={authority.isDemo} />
    </div>
  )
}
