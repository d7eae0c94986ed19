import { findPassportDuplicates } from '~/models/candidate.server'
import { CandidateSchema, type CandidateInput } from '~/schemas/candidate'

import { badRequest, parseForm, type Parsed } from './forms.server'
import { fieldError } from './form-replies.server'
import { message } from './validation'

type Passport = { id: string; passportNumber: string; nationality: string }

/**
 * The candidate form, parsed, then checked for the same passport anywhere in the authority unless the
 * user confirmed it. When editing, an unchanged passport is not reported again.
 */
export async function parseCandidateForm(
  request: Request,
  current?: Passport,
): Promise<{ ok: true; value: CandidateInput } | { ok: false; response: ReturnType<typeof badRequest> }> {
  const formData = await request.formData()
  const submission: Parsed<CandidateInput> = await parseForm(formData, CandidateSchema)
  if (!submission.ok) return { ok: false, response: badRequest(submission.reply) }
  const { passportNumber, nationality, confirmDuplicate } = submission.value
  const isUnchanged = current?.passportNumber === passportNumber && current.nationality === nationality
  if (confirmDuplicate || isUnchanged) return submission
  const count = await findPassportDuplicates(passportNumber, nationality, current?.id)
  if (count === 0) return submission
  const values = Object.fromEntries(
    [...formData.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  )
  return {
    ok: false,
    response: fieldError('confirmDuplicate', message('candidates:warnings.duplicate', { count }), values),
  }
}
