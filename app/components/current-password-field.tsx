import type { FieldValues, UseFormReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'

import { TextField } from './form'

/** The password the signed-in person uses now, asked again before a change to their security. */
export function CurrentPasswordField({ form }: { form: UseFormReturn<FieldValues> }) {
  const { t } = useTranslation('auth')
  return (
    <TextField
      form={form}
      name="currentPassword"
      type="password"
      autoComplete="current-password"
      label={t('fields.currentPassword')}
      required
    />
  )
}
