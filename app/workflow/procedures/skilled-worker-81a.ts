/**
 * The accelerated skilled-worker procedure, § 81a AufenthG (domain-reference.md §1): the employer runs it
 * at the authority under the worker's power of attorney; the authority obtains recognition and the BA's
 * approval and consents to the visa in advance.
 */
import type { ProcedureDefinition } from '../types'
import { entry, residencePermit } from './arrival'
import { baApprovalDeadline, baApprovalOutcomes } from './ba-approval'

export const skilledWorker81a: ProcedureDefinition = {
  id: 'skilled-worker-81a',
  version: 1,
  legalSource: '§ 81a AufenthG',
  // § 81a Abs. 1 AufenthG covers §§ 16a, 16d, 18a, 18b, 18g; § 81a Abs. 5 extends it to other qualified
  // employment such as § 19c Abs. 2 (domain-reference.md §1).
  titles: ['§18a', '§18b', '§18g', '§16a', '§16d', '§16d(3)', '§19c(2)'],
  steps: [
    {
      // § 81a Abs. 3 Nr. 1 AufenthG: the authority advises the employer on the procedure and the evidence.
      // No statutory deadline.
      id: 'advice',
      actor: 'OFFICER',
      legalSource: '§ 81a Abs. 3 Nr. 1 AufenthG',
      requiredDocuments: [],
      guards: [],
      recordedBy: ['OFFICER'],
      optional: false,
    },
    {
      // § 81a Abs. 2 AufenthG: the agreement with its eight mandatory contents, among them the worker's power
      // of attorney (Nr. 2). § 47 Abs. 1 Nr. 15 AufenthV: €411 per worker, not refunded after a negative
      // outcome; recorded as paid or unpaid.
      id: 'agreement',
      actor: 'ORG',
      legalSource: '§ 81a Abs. 2 AufenthG',
      requiredDocuments: ['powerOfAttorney'],
      guards: [{ step: 'advice' }],
      recordedBy: ['OFFICER'],
      fee: { euros: 411, legalSource: '§ 47 Abs. 1 Nr. 15 AufenthV' },
      optional: false,
    },
    {
      // § 81a Abs. 2 Nr. 5 AufenthG: the evidence named in the agreement. The bodies' deadlines start only
      // once it is complete (domain-reference.md §1 "Missing documents").
      id: 'documents',
      actor: 'ORG',
      legalSource: '§ 81a Abs. 2 Nr. 5 AufenthG',
      requiredDocuments: ['passportCopy', 'qualificationCertificates', 'cvGerman'],
      titleDocuments: {
        // The declaration that no recognition was applied for before goes with a recognition.
        '§18a': ['employmentContract', 'noPriorRecognitionDeclaration'],
        '§18b': ['employmentContract', 'noPriorRecognitionDeclaration'],
        '§18g': ['employmentContract'],
        // § 16a AufenthG: German at B1, or the training provider's own check of it.
        '§16a': ['trainingContract', 'languageCertificate'],
        // § 16d Abs. 1 AufenthG: the deficit notice and German "as a rule" at A2.
        '§16d': ['deficitNotice', 'languageCertificate'],
        // § 16d Abs. 3 AufenthG: ZAB's statement that the qualification is state-recognised where obtained, A2
        // German, the job offer and the employer–worker agreement to start the recognition after entry.
        '§16d(3)': [
          'employmentContract',
          'zabStatement',
          'languageCertificate',
          'recognitionPartnershipAgreement',
        ],
        // § 19c Abs. 2 AufenthG: the qualification's state recognition abroad, confirmed by the ZAB.
        '§19c(2)': ['employmentContract', 'zabStatement'],
      },
      guards: [{ step: 'agreement' }],
      recordedBy: ['OFFICER'],
      optional: false,
    },
    {
      // § 81a Abs. 3 Nr. 2 AufenthG: the authority starts the recognition at the competent body; the decision
      // is due within two months of complete documents (§ 14a BQFG). A qualification that a measure can make
      // equivalent continues towards § 16d (§ 81a Abs. 3 Satz 2 AufenthG). § 16d(3) and § 19c(2) rest on the
      // ZAB's statement instead, and a § 16d case already holds its deficit notice.
      id: 'recognition',
      actor: 'EXTERNAL',
      legalSource: '§ 81a Abs. 3 Nr. 2 AufenthG',
      appliesTo: ['§18a', '§18b'],
      requiredDocuments: [],
      guards: [{ step: 'documents' }],
      startedBy: 'OFFICER',
      recordedBy: ['OFFICER'],
      deadline: {
        duration: { amount: 2, unit: 'months' },
        startsOn: { event: 'stepCompleted', step: 'documents' },
        kind: 'statutory',
        legalSource: '§ 14a BQFG',
      },
      outcomes: [
        { id: 'EQUIVALENT', leadsTo: 'nextStep' },
        {
          id: 'PARTIALLY_EQUIVALENT',
          leadsTo: 'nextStep',
          switchesTitleTo: '§16d',
          legalSource: '§ 81a Abs. 3 Satz 2 AufenthG',
        },
        { id: 'NOT_EQUIVALENT', leadsTo: 'caseEnd' },
      ],
      optional: false,
    },
    {
      // § 81a Abs. 3 Nr. 2 AufenthG: for the Blue Card the authority has the ZAB assess whether the degree is
      // comparable to a German one (§ 18g Abs. 1 AufenthG). The ZAB answers within two months in § 81a cases
      // (domain-reference.md §1, S12): its own commitment, so a service deadline.
      id: 'degreeComparability',
      actor: 'EXTERNAL',
      legalSource: '§ 81a Abs. 3 Nr. 2 AufenthG',
      appliesTo: ['§18g'],
      requiredDocuments: [],
      guards: [{ step: 'documents' }],
      startedBy: 'OFFICER',
      recordedBy: ['OFFICER'],
      deadline: {
        duration: { amount: 2, unit: 'months' },
        startsOn: { event: 'stepCompleted', step: 'documents' },
        kind: 'service',
        legalSource: '§ 81a Abs. 3 Nr. 2 AufenthG',
      },
      outcomes: [
        { id: 'COMPARABLE', leadsTo: 'nextStep' },
        { id: 'NOT_COMPARABLE', leadsTo: 'caseEnd' },
      ],
      optional: false,
    },
    {
      // § 81a Abs. 3 Nr. 4 AufenthG: the authority obtains the BA's approval (§ 39 AufenthG) where one is
      // needed, on the employer's declaration on the employment relationship; for § 16d with the qualification
      // plan. § 36 Abs. 2 BeschV: one week in § 81a cases, after which silence counts as approval unless the
      // BA said the information was not sufficient (domain-reference.md §1 S14).
      id: 'baApproval',
      actor: 'EXTERNAL',
      legalSource: '§ 81a Abs. 3 Nr. 4 AufenthG; § 39 AufenthG',
      requiredDocuments: ['baEmploymentDeclaration'],
      titleDocuments: { '§16d': ['qualificationPlan'] },
      guards: [
        { step: 'documents' },
        { step: 'recognition', outcomes: ['EQUIVALENT', 'PARTIALLY_EQUIVALENT'] },
        { step: 'degreeComparability', outcomes: ['COMPARABLE'] },
      ],
      startedBy: 'OFFICER',
      recordedBy: ['OFFICER'],
      deadline: baApprovalDeadline(1),
      outcomes: baApprovalOutcomes,
      optional: false,
      skippableWhen: [
        // § 18g Abs. 1 Satz 1 AufenthG: a Blue Card at the standard salary needs no BA approval.
        {
          titles: ['§18g'],
          condition: 'blueCardStandardSalary',
          legalSource: '§ 18g Abs. 1 Satz 1 AufenthG',
        },
        // § 16d Abs. 1 AufenthG: the BA approves only a measure that is mainly in-company.
        { titles: ['§16d'], condition: 'measureNotMainlyInCompany', legalSource: '§ 16d Abs. 1 AufenthG' },
      ],
    },
    {
      // § 81a Abs. 3 Nr. 6 AufenthG: with equivalence or comparability established and the BA's approval, the
      // authority consents to the visa in advance without delay (§ 31 Abs. 3 AufenthV); the AZR informs the
      // mission (Nr. 5). Valid three months from issue: administrative practice per the federal template
      // (domain-reference.md §1 S16), statutory basis not verified.
      id: 'preApproval',
      actor: 'OFFICER',
      legalSource: '§ 81a Abs. 3 Nr. 6 AufenthG; § 31 Abs. 3 AufenthV',
      requiredDocuments: [],
      guards: [
        { step: 'recognition', outcomes: ['EQUIVALENT', 'PARTIALLY_EQUIVALENT'] },
        { step: 'degreeComparability', outcomes: ['COMPARABLE'] },
        { step: 'baApproval', outcomes: ['GRANTED', 'DEEMED_GRANTED'] },
      ],
      recordedBy: ['OFFICER'],
      validity: {
        duration: { amount: 3, unit: 'months' },
        legalSource: 'Muster Vorabzustimmung (administrative practice, statutory basis unverified)',
      },
      optional: false,
    },
    {
      // § 31a Abs. 1 AufenthV: the mission gives an appointment within three weeks of the pre-approval being
      // presented; a target of the mission, not a legal fiction (domain-reference.md §8).
      id: 'appointment',
      actor: 'EMBASSY',
      legalSource: '§ 31a Abs. 1 AufenthV',
      requiredDocuments: [],
      guards: [{ step: 'preApproval' }],
      startedBy: 'EMBASSY',
      recordedBy: ['EMBASSY'],
      deadline: {
        duration: { amount: 3, unit: 'weeks' },
        startsOn: { event: 'stepStarted' },
        kind: 'service',
        legalSource: '§ 31a Abs. 1 AufenthV',
      },
      optional: false,
    },
    {
      // § 31a Abs. 2 AufenthV: the mission decides "as a rule" within three weeks of the complete application;
      // the federal template pre-approves a visa of twelve months.
      id: 'visaDecision',
      actor: 'EMBASSY',
      legalSource: '§ 31a Abs. 2 AufenthV',
      requiredDocuments: [],
      guards: [{ step: 'appointment' }],
      startedBy: 'EMBASSY',
      recordedBy: ['EMBASSY'],
      deadline: {
        duration: { amount: 3, unit: 'weeks' },
        startsOn: { event: 'stepStarted' },
        kind: 'service',
        legalSource: '§ 31a Abs. 2 AufenthV',
      },
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
