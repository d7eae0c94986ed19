/** A complete, valid registration form. */
export function organizationForm(overrides: Record<string, string> = {}) {
  return {
    kind: 'EMPLOYER',
    legalName: 'Hafenblick Logistik GmbH',
    street: 'Am Stadthafen 3',
    postalCode: '48155',
    city: 'Münster',
    country: 'DE',
    registerNumber: 'HRB 4711, Amtsgericht Münster',
    baCompanyNumber: '12345678',
    contactName: 'Petra Schulte',
    contactEmail: 'petra.schulte@hafenblick.example',
    contactPhone: '+49 251 123456',
    deputyName: 'Jonas Becker',
    deputyEmail: 'jonas.becker@hafenblick.example',
    deputyPhone: '+49 251 123457',
    ...overrides,
  }
}
