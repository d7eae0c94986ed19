import { isDateOnly } from '~/utils/date-only'
import { message, requiredText, z } from '~/utils/validation'

export const REJECTION_REASON_MAX_LENGTH = 1000

/** The passport's expiry as printed on its data page; required when accepting a passport copy. */
const passportExpiryField = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined)
  .pipe(
    z
      .string()
      .refine(isDateOnly, { error: message('documents:validation.date') })
      .optional(),
  )

/** The fields of the two review forms, checked in the browser; each form names its intent. */
export const AcceptDocumentSchema = z.object({ passportExpiry: passportExpiryField })
export const RejectDocumentSchema = z.object({ reason: requiredText(REJECTION_REASON_MAX_LENGTH) })

/** The officer's decision on one uploaded version. */
export const ReviewDocumentSchema = z.discriminatedUnion('intent', [
  AcceptDocumentSchema.extend({ intent: z.literal('accept') }),
  RejectDocumentSchema.extend({ intent: z.literal('reject') }),
])
