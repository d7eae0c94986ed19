import { useTranslation } from 'react-i18next'

import type { OrganizationKind } from '~/schemas/organization'
import { countryName } from '~/utils/countries'
import { formatDate } from '~/utils/locale-format'

export type OrganizationDetailsData = {
  kind: OrganizationKind
  legalName: string
  street: string
  postalCode: string
  city: string
  country: string
  registerNumber: string
  baCompanyNumber: string | null
  contactName: string
  contactEmail: string
  contactPhone: string
  deputyName: string
  deputyEmail: string
  deputyPhone: string
  createdAt: Date
}

/** The registered details of an organization, as its members and the authority see them. */
export function OrganizationDetails({ organization }: { organization: OrganizationDetailsData }) {
  const { t, i18n } = useTranslation('organizations')
  return (
    <dl className="details">
      <dt>{t('fields.legalName')}</dt>
      <dd>{organization.legalName}</dd>
      <dt>{t('fields.kind')}</dt>
      <dd>{t(`kinds.${organization.kind}`)}</dd>
      <dt>{t('fields.address')}</dt>
      <dd>
        {organization.street}
        <br />
        {organization.postalCode} {organization.city}
        <br />
        {countryName(organization.country, i18n.language)}
      </dd>
      <dt>{t('fields.registerNumber')}</dt>
      <dd>{organization.registerNumber}</dd>
      <dt>{t('fields.baCompanyNumber')}</dt>
      <dd>{organization.baCompanyNumber ?? t('details.notGiven')}</dd>
      <dt>{t('fields.contact')}</dt>
      <dd>
        <Person
          name={organization.contactName}
          email={organization.contactEmail}
          phone={organization.contactPhone}
        />
      </dd>
      <dt>{t('fields.deputy')}</dt>
      <dd>
        <Person
          name={organization.deputyName}
          email={organization.deputyEmail}
          phone={organization.deputyPhone}
        />
      </dd>
      <dt>{t('fields.registeredOn')}</dt>
      <dd>{formatDate(organization.createdAt, i18n.language)}</dd>
    </dl>
  )
}

function Person({ name, email, phone }: { name: string; email: string; phone: string }) {
  return (
    <>
      {name}
      <br />
      <a href={`mailto:${email}`}>{email}</a>
      <br />
      <a href={`tel:${phone.replace(/[^+0-9]/g, '')}`} dir="ltr">
        {phone}
      </a>
    </>
  )
}

/** Free text written by a person (e.g. a decision reason), keeping its paragraphs. */
export function Paragraphs({ text }: { text: string }) {
  const paragraphs = text.split(/\n\s*\n?/).filter(Boolean)
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </>
  )
}
