import { countryCodes } from '~/utils/countries'
import { emailField, requiredText, z } from '~/utils/validation'

export const MissionSchema = z.object({
  name: requiredText(200),
  country: z.enum(countryCodes),
  city: requiredText(100),
  visaSectionEmail: emailField,
})
export type MissionInput = z.output<typeof MissionSchema>
