import { useTranslation } from 'react-i18next'

import type { PostalContact } from '~/content/authority'

type ContactDetailsProps = {
  contact: PostalContact
  /** A translated line after the name, e.g. "Data protection officer". */
  attention?: string
}

/** A German postal address with phone and email links, as the legal pages need it. */
export function ContactDetails({ contact, attention }: ContactDetailsProps) {
  const { t } = useTranslation('public')
  return (
    <address className="contact-details">
      <GermanLine text={contact.name} />
      {attention ? <span className="contact-line">{attention}</span> : null}
      <GermanLine text={contact.street} />
      <GermanLine text={`${contact.postalCode} ${contact.city}`} />
      <span className="contact-line">{t('contact.country')}</span>
      {contact.phone ? (
        <span className="contact-line">
          {t('contact.phone')}{' '}
          <a href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`} dir="ltr">
            {contact.phone}
          </a>
        </span>
      ) : null}
      {contact.email ? (
        <span className="contact-line">
          {t('contact.email')}{' '}
          <a href={`mailto:${contact.email}`} dir="ltr">
            {contact.email}
          </a>
        </span>
      ) : null}
    </address>
  )
}

/** Isolated, so "48143 Münster" keeps its order inside right-to-left text (WCAG 3.1.2: marked German). */
function GermanLine({ text }: { text: string }) {
  return (
    <span className="contact-line">
      <bdi lang="de">{text}</bdi>
    </span>
  )
}

/** Says so while the authority's contact data are demonstration values. */
export function DemoDataNotice({ isDemo }: { isDemo: boolean }) {
  const { t } = useTranslation('public')
  return isDemo ? (
    <p className="notice" role="note">
      {t('contact.demoNotice')}
    </p>
  ) : null
}
