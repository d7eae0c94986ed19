import { supportedLanguages } from './i18n'
import { z } from './validation'

export const LanguageSchema = z.object({
  lng: z
    .enum(supportedLanguages as [string, ...string[]])
    .transform((value) => value as (typeof supportedLanguages)[number]),
  redirectTo: z.string().max(2000).optional(),
})
