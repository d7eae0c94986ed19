/**
 * The Federal Employment Agency's approval (§ 39 AufenthG) and its deemed approval: § 36 Abs. 2 BeschV,
 * silence for the period counts as approval unless the agency asked for information. One week in the
 * accelerated procedure (§ 81a AufenthG), two weeks otherwise.
 */
import type { DeadlineRule, OutcomeDefinition } from '../types'

export function baApprovalDeadline(weeks: 1 | 2): DeadlineRule {
  return {
    duration: { amount: weeks, unit: 'weeks' },
    startsOn: { event: 'stepStarted' },
    kind: 'statutory',
    legalSource: '§ 36 Abs. 2 BeschV',
    onExpiry: 'deemedGranted',
  }
}

export const baApprovalOutcomes: readonly OutcomeDefinition[] = [
  { id: 'GRANTED', leadsTo: 'nextStep' },
  { id: 'DEEMED_GRANTED', leadsTo: 'nextStep', legalSource: '§ 36 Abs. 2 BeschV' },
  { id: 'REFUSED', leadsTo: 'caseEnd' },
]
