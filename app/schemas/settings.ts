import { z } from '~/utils/validation'

/** A checkbox: the browser sends 'on' when it is ticked and nothing otherwise; react-hook-form reports a boolean. */
const checkbox = z
  .union([z.boolean(), z.literal('on')])
  .optional()
  .transform((value) => value === true || value === 'on')

export const SettingsSchema = z.object({
  requireStaffTwoFactor: checkbox,
})
export type SettingsInput = z.output<typeof SettingsSchema>
