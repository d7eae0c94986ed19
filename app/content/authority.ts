/**
 * The authority that runs this installation, as named in the imprint, privacy notice and accessibility
 * statement. These are demonstration values (`isDemo`); an installation replaces them with its own.
 */

export type PostalContact = {
  name: string
  street: string
  postalCode: string
  city: string
  phone?: string
  email?: string
}

const office: PostalContact = {
  name: 'Stadt Münster – Ausländerbehörde',
  street: 'Beispielstraße 1',
  postalCode: '48143',
  city: 'Münster',
  phone: '+49 251 123456-0',
  email: 'auslaenderbehoerde@abh.example',
}

export const authority = {
  isDemo: true,
  legalEntity: 'Stadt Münster',
  office,
  accessibilityContact: { ...office, phone: undefined, email: 'barrierefreiheit@abh.example' },
  dataProtectionOfficer: { ...office, phone: undefined, email: 'datenschutz@abh.example' },
  /** § 18 Abs. 2 MStV */
  responsibleForContent: 'Erika Mustermann',
  supervisoryAuthority: {
    name: 'Bezirksregierung Münster',
    street: 'Domplatz 1–3',
    postalCode: '48143',
    city: 'Münster',
  },
  /** Art. 77 GDPR: the Land's data protection supervisory authority. */
  dataProtectionAuthority: {
    name: 'Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen',
    street: 'Kavalleriestraße 2–4',
    postalCode: '40213',
    city: 'Düsseldorf',
  },
  /** Enforcement procedure of the accessibility statement (BITV NRW). */
  accessibilityEnforcementBody:
    'Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen',
}
