import { languageField, z } from '~/utils/validation'

/** The language switcher in the page header. */
export const LanguageSchema = z.object({
  lng: languageField,
  redirectTo: z.string().max(2000).optional(),
})
