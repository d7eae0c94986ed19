/**
 * Why the engine refused an action. Each code is the i18n key of the message the user sees, so the list is
 * the set of keys the locale files must carry.
 */
export const engineErrors = [
  'workflow:errors.procedureMismatch',
  'workflow:errors.dateInvalid',
  'workflow:errors.dateInFuture',
  'workflow:errors.dateBeforeLastChange',
  'workflow:errors.caseFinished',
  'workflow:errors.caseNotActive',
  'workflow:errors.caseNotOnHold',
  'workflow:errors.caseNotWaitingForOrg',
  'workflow:errors.cannotCloseYet',
  'workflow:errors.reasonRequired',
  'workflow:errors.stepNotInProcedure',
  'workflow:errors.stepSkipped',
  'workflow:errors.guardFailed',
  'workflow:errors.stepAlreadyDone',
  'workflow:errors.stepNotStarted',
  'workflow:errors.stepAlreadyStarted',
  'workflow:errors.stepNotStartable',
  'workflow:errors.stepNotSkippable',
  'workflow:errors.wrongAction',
  'workflow:errors.outcomeInvalid',
  'workflow:errors.documentsMissing',
  'workflow:errors.documentNotRequired',
  'workflow:errors.agreementIncomplete',
  'workflow:errors.feeAlreadyPaid',
  'workflow:errors.recognitionBodyRequired',
  'workflow:errors.noDeemedApproval',
  'workflow:errors.baInformationRequested',
  'workflow:errors.baInformationAlreadyRequested',
  'workflow:errors.deadlineNotPassed',
  'workflow:errors.deadlinePassed',
] as const

export type EngineError = (typeof engineErrors)[number]
