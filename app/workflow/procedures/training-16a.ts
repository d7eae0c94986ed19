/**
 * Vocational training, § 16a AufenthG, outside the accelerated procedure (domain-reference.md §2): the BA
 * approves the training place after a labour-market check; the visa needs no consent of the authority
 * (§ 31 Abs. 1 AufenthV). In the ordinary visa procedure the mission asks the BA.
 */
import type { ProcedureDefinition } from '../types'
import { entry, residencePermit } from './arrival'
import { baApprovalDeadline, baApprovalOutcomes } from './ba-approval'

export const training16a: ProcedureDefinition = {
  id: 'training-16a',
  version: 1,
  legalSource: '§ 16a AufenthG',
  titles: ['§16a'],
  steps: [
    {
      // § 16a Abs. 1 AufenthG: a place in qualified vocational training.
      id: 'trainingPlace',
      actor: 'ORG',
      legalSource: '§ 16a Abs. 1 AufenthG',
      requiredDocuments: ['trainingContract'],
      guards: [],
      recordedBy: ['OFFICER'],
      optional: false,
    },
    {
      // § 16a AufenthG: German at B1 for qualified training, unless the provider checked it or a preparatory
      // course teaches it; school and vocational certificates, CV (domain-reference.md §1, §2).
      id: 'documents',
      actor: 'ORG',
      legalSource: '§ 16a AufenthG',
      requiredDocuments: ['passportCopy', 'qualificationCertificates', 'cvGerman', 'languageCertificate'],
      guards: [{ step: 'trainingPlace' }],
      recordedBy: ['OFFICER'],
      optional: false,
    },
    {
      // § 39 AufenthG: the BA approves the training. § 36 Abs. 2 BeschV: two weeks outside § 81a, after
      // which silence counts as approval unless the BA asked for information.
      id: 'baApproval',
      actor: 'EXTERNAL',
      legalSource: '§ 39 AufenthG',
      requiredDocuments: ['baEmploymentDeclaration'],
      guards: [{ step: 'documents' }],
      startedBy: 'EMBASSY',
      recordedBy: ['EMBASSY'],
      deadline: baApprovalDeadline(2),
      outcomes: baApprovalOutcomes,
      optional: false,
    },
    {
      // § 6 Abs. 3 AufenthG: the mission decides on the national visa, without the authority's consent
      // (§ 31 Abs. 1 AufenthV).
      id: 'visaDecision',
      actor: 'EMBASSY',
      legalSource: '§ 6 Abs. 3 AufenthG; § 31 Abs. 1 AufenthV',
      requiredDocuments: [],
      guards: [{ step: 'baApproval', outcomes: ['GRANTED', 'DEEMED_GRANTED'] }],
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
