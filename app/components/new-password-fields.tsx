import type { FieldValues, UseFormReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'

import { PASSWORD_MIN_LENGTH } from '~/utils/validation'

import { TextField } from './form'

/** A new password and its confirmation, as on sign-up, reset and change of password. */
export function NewPasswordFields({ form }: { form: UseFormReturn<FieldValues> }) {
  const { t } = useTranslation('auth')
  return (
    <>
      <TextField
        form={form}
        name="password"
        type="password"
        autoComplete="new-password"
        label={t('fields.newPassword')}
        hint={t('fields.newPasswordHint', { minimum: PASSWORD_MIN_LENGTH })}
        required
      />
      <TextField
        form={form}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        label={t('fields.confirmPassword')}
        required
      />
    </>
  )
}
