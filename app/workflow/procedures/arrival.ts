/** The steps every procedure ends with once the visa is granted: entry, then the residence permit. */
import type { StepDefinition } from '../types'

export const entry: StepDefinition = {
  // § 6 Abs. 3 AufenthG: the national visa allows entry for the purpose of the stay.
  id: 'entry',
  actor: 'CANDIDATE',
  legalSource: '§ 6 Abs. 3 AufenthG',
  requiredDocuments: [],
  guards: [{ step: 'visaDecision', outcomes: ['GRANTED'] }],
  recordedBy: ['ORG', 'OFFICER'],
  optional: false,
}

export const residencePermit: StepDefinition = {
  // § 81 Abs. 1 AufenthG: the residence permit is granted on application at the authority of the place of
  // residence, after the address registration (§ 17 Abs. 1 BMG).
  id: 'residencePermit',
  actor: 'OFFICER',
  legalSource: '§ 81 Abs. 1 AufenthG',
  requiredDocuments: ['addressRegistration'],
  guards: [{ step: 'entry' }],
  recordedBy: ['OFFICER'],
  optional: false,
}
