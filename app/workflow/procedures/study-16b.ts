/**
 * Study, § 16b AufenthG (domain-reference.md §3). The authority's consent to the visa is normally not needed
 * (§ 31 Abs. 1 AufenthV covers neither study nor training); it may consent in advance to speed things up
 * (§ 31 Abs. 3 AufenthV), an optional branch.
 */
import type { ProcedureDefinition } from '../types'
import { entry, residencePermit } from './arrival'

export const study16b: ProcedureDefinition = {
  id: 'study-16b',
  version: 1,
  legalSource: '§ 16b AufenthG',
  titles: ['§16b'],
  steps: [
    {
      // § 16b Abs. 1 AufenthG: admission to a course of study; a conditional admission is enough. The
      // international office issues it and checks the language proof (domain-reference.md §3).
      id: 'admission',
      actor: 'ORG',
      legalSource: '§ 16b Abs. 1 AufenthG',
      requiredDocuments: ['admissionLetter'],
      guards: [],
      recordedBy: ['OFFICER'],
      optional: false,
    },
    {
      // § 5 Abs. 1 Nr. 1, § 2 Abs. 3 AufenthG: living costs secured, usually by a blocked account (€992 a
      // month since 1.1.2025), and health insurance for the whole stay (domain-reference.md §3).
      id: 'documents',
      actor: 'CANDIDATE',
      legalSource: '§ 5 Abs. 1 Nr. 1 AufenthG; § 2 Abs. 3 AufenthG',
      requiredDocuments: ['passportCopy', 'blockedAccountConfirmation', 'healthInsurance'],
      guards: [{ step: 'admission' }],
      recordedBy: ['OFFICER'],
      optional: false,
    },
    {
      // § 31 Abs. 3 AufenthV: the authority may consent before the visa application; discretionary, so the
      // step is optional and has no deadline.
      id: 'preApproval',
      actor: 'OFFICER',
      legalSource: '§ 31 Abs. 3 AufenthV',
      requiredDocuments: [],
      guards: [{ step: 'documents' }],
      recordedBy: ['OFFICER'],
      optional: true,
    },
    {
      // § 6 Abs. 3 AufenthG: the mission decides on the national visa, without the authority's consent
      // (§ 31 Abs. 1 AufenthV). § 31a AufenthV's deadlines apply only to § 81a cases.
      id: 'visaDecision',
      actor: 'EMBASSY',
      legalSource: '§ 6 Abs. 3 AufenthG; § 31 Abs. 1 AufenthV',
      requiredDocuments: [],
      guards: [{ step: 'documents' }, { step: 'preApproval' }],
      recordedBy: ['EMBASSY'],
      outcomes: [
        { id: 'GRANTED', leadsTo: 'nextStep' },
        { id: 'REFUSED', leadsTo: 'caseEnd' },
      ],
      optional: false,
    },
    entry,
    // Enrolment is needed for the residence permit after entry (domain-reference.md §3).
    { ...residencePermit, requiredDocuments: [...residencePermit.requiredDocuments, 'enrolmentCertificate'] },
  ],
}
