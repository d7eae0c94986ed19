import type { FieldValues, UseFormReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'

import { TextField } from './form'

/** The six-digit code from an authenticator app; browsers and password managers may fill it in. */
export function TotpCodeField({ form }: { form: UseFormReturn<FieldValues> }) {
  const { t } = useTranslation('auth')
  return (
    <TextField
      form={form}
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={7}
      dir="ltr"
      label={t('fields.code')}
      hint={t('fields.codeHint')}
      required
    />
  )
}
