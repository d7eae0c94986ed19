import { z } from '~/utils/validation'

/** The administrator puts one dead email back in line. */
export const RetryOutboxEmailSchema = z.object({
  intent: z.literal('retry'),
  id: z.string().trim().min(1).max(64),
})
