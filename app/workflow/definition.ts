/** Questions asked of a procedure definition alone, without a case. */
import {
  caseActionTypes,
  type Action,
  type ActionType,
  type CaseAction,
  type DocumentKey,
  type OutcomeId,
  type ProcedureDefinition,
  type ResidenceTitle,
  type SkipCondition,
  type StepAction,
  type StepActionType,
  type StepDefinition,
  type StepId,
} from './types'

type DedicatedStepAction = Exclude<StepAction, { step: StepId }>

/** Actions that act on one fixed step; every other step is completed with `completeStep`. */
const stepOfDedicatedAction: Record<DedicatedStepAction['type'], StepId> = {
  recordAgreement: 'agreement',
  recordDocumentsComplete: 'documents',
  recordRecognition: 'recognition',
  recordBaApproval: 'baApproval',
  recordBaInformationRequest: 'baApproval',
  deemBaApprovalGranted: 'baApproval',
  issuePreApproval: 'preApproval',
  recordAppointment: 'appointment',
  recordVisaDecision: 'visaDecision',
  recordEntry: 'entry',
}

const completingActions: Partial<Record<StepId, readonly StepActionType[]>> = {
  agreement: ['recordAgreement'],
  documents: ['recordDocumentsComplete'],
  recognition: ['recordRecognition'],
  baApproval: ['recordBaApproval', 'deemBaApprovalGranted'],
  preApproval: ['issuePreApproval'],
  appointment: ['recordAppointment'],
  visaDecision: ['recordVisaDecision'],
  entry: ['recordEntry'],
}

export function findStep(definition: ProcedureDefinition, id: StepId): StepDefinition | undefined {
  return definition.steps.find((step) => step.id === id)
}

export function isCaseAction(action: Action): action is CaseAction {
  return (caseActionTypes as readonly ActionType[]).includes(action.type)
}

export function targetStep(action: StepAction): StepId {
  return 'step' in action ? action.step : stepOfDedicatedAction[action.type]
}

export function completionActions(step: StepId): readonly StepActionType[] {
  return completingActions[step] ?? ['completeStep']
}

export function appliesTo(step: StepDefinition, title: ResidenceTitle): boolean {
  return step.appliesTo === undefined || step.appliesTo.includes(title)
}

export function requiredDocumentsFor(step: StepDefinition, title: ResidenceTitle): readonly DocumentKey[] {
  return [...step.requiredDocuments, ...(step.titleDocuments?.[title] ?? [])]
}

/** Every document any step of the procedure needs for `title`. */
export function documentsForTitle(definition: ProcedureDefinition, title: ResidenceTitle): DocumentKey[] {
  return definition.steps
    .filter((step) => appliesTo(step, title))
    .flatMap((step) => requiredDocumentsFor(step, title))
}

/** Why the step may be skipped for `title`, or undefined if it may not. */
export function skipReason(
  step: StepDefinition,
  title: ResidenceTitle,
): SkipCondition | 'optional' | undefined {
  if (step.optional) return 'optional'
  return step.skippableWhen?.find((rule) => rule.titles.includes(title))?.condition
}

/** The outcome a completing action records. */
export function outcomeOf(action: StepAction): OutcomeId | undefined {
  switch (action.type) {
    case 'completeStep':
    case 'recordRecognition':
      return action.outcome
    case 'recordBaApproval':
    case 'recordVisaDecision':
      return action.decision
    case 'deemBaApprovalGranted':
      return 'DEEMED_GRANTED'
    default:
      return undefined
  }
}

/** The outcomes an action can record on its step: the BA's own answer cannot be the deemed one, and vice versa. */
export function actionOutcomes(type: StepActionType, step: StepDefinition): OutcomeId[] {
  const outcomes = (step.outcomes ?? []).map((outcome) => outcome.id)
  if (type === 'deemBaApprovalGranted') return outcomes.filter((id) => id === 'DEEMED_GRANTED')
  return outcomes.filter((id) => id !== 'DEEMED_GRANTED')
}
