/**
 * Research, § 18d AufenthG (domain-reference.md §2): a hosting agreement with a research institution. No BA
 * approval, and the visa needs no consent of the authority (§ 34 Nr. 4 AufenthV).
 */
import type { ProcedureDefinition } from '../types'
import { entry, residencePermit } from './arrival'

export const research18d: ProcedureDefinition = {
  id: 'research-18d',
  version: 1,
  legalSource: '§ 18d AufenthG',
  titles: ['§18d'],
  steps: [
    {
      // § 18d Abs. 1 AufenthG: the hosting agreement and the institution's commitment to cover the costs.
      id: 'hostingAgreement',
      actor: 'ORG',
      legalSource: '§ 18d Abs. 1 AufenthG',
      requiredDocuments: ['passportCopy', 'hostingAgreement', 'costCoverageCommitment'],
      guards: [],
      recordedBy: ['OFFICER'],
      optional: false,
    },
    {
      // § 34 Nr. 4 AufenthV: the mission issues the visa without the authority's consent.
      id: 'visaDecision',
      actor: 'EMBASSY',
      legalSource: '§ 6 Abs. 3 AufenthG; § 34 Nr. 4 AufenthV',
      requiredDocuments: [],
      guards: [{ step: 'hostingAgreement' }],
      recordedBy: ['EMBASSY'],
      outcomes: [
        { id: 'GRANTED', leadsTo: 'nextStep' },
        { id: 'REFUSED', leadsTo: 'caseEnd' },
      ],
      optional: false,
    },
    entry,
    residencePermit,
  ],
}
