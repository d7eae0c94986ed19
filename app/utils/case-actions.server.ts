import { data } from '@remix-run/node'

import { todayAtAuthority, type CaseDetail, type CaseResult } from '~/models/case.server'
import { CaseActionSchema, type CaseActionInput } from '~/schemas/case'
import { validUntil } from '~/workflow/deadlines'
import { findStep } from '~/workflow/definition'
import { procedures } from '~/workflow/procedures'
import type { ProcedureId } from '~/workflow/types'

import type { FormReply } from './forms'
import { badRequest, parseForm } from './forms.server'
import { redirectWithToast } from './toast.server'

/** Intents whose form asks the user to confirm what they are about to do (a legal condition, an end). */
const confirmedIntents: readonly CaseActionInput['intent'][] = ['skipStep', 'withdraw']

type ParsedCaseAction =
  { ok: true; value: CaseActionInput } | { ok: false; response: ReturnType<typeof badRequest> }

/**
 * One submitted case form. Besides the schema, a skip or a withdrawal needs its confirmation box ticked,
 * also when the browser did not enforce `required`.
 */
export async function parseCaseAction(request: Request): Promise<ParsedCaseAction> {
  const formData = await request.formData()
  const submission = await parseForm(formData, CaseActionSchema)
  if (!submission.ok) return { ok: false, response: badRequest(submission.reply) }
  const { value } = submission
  if (confirmedIntents.includes(value.intent) && formData.get('confirm') !== 'on') {
    const values = Object.fromEntries(
      ['intent', 'step', 'version'].flatMap((name) => {
        const field = formData.get(name)
        return typeof field === 'string' ? [[name, field]] : []
      }),
    )
    const reply: FormReply = { fieldErrors: { confirm: ['cases:validation.confirm'] }, values }
    return { ok: false, response: badRequest(reply) }
  }
  return { ok: true, value }
}

/**
 * The answer to a recorded or refused change: back to the case with a notice, or the translated reason.
 * A conflict is 409 (the page reloads the fresh state), an action the user may not take 403.
 */
export function answerCaseResult(result: CaseResult, caseUrl: string) {
  if (result.ok) return redirectWithToast(caseUrl, 'cases:toast.updated')
  const status =
    result.error === 'workflow:errors.conflict'
      ? 409
      : result.error === 'workflow:errors.notAllowed'
        ? 403
        : 400
  return data<FormReply>({ fieldErrors: {}, formError: result.error }, { status })
}

/** What the tracker shows besides the case itself: the day at the authority and the validity on offer. */
export function trackerData(kase: CaseDetail) {
  const today = todayAtAuthority()
  const preApproval = findStep(procedures[kase.procedureId as ProcedureId], 'preApproval')
  const isIssuable = kase.allowedActions.some((action) => action.type === 'issuePreApproval')
  return {
    today,
    preApprovalValidUntil: preApproval && isIssuable ? (validUntil(preApproval, today) ?? null) : null,
  }
}
