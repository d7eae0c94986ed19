import type { FieldValues, UseFormReturn } from 'react-hook-form'

import { languages } from '~/utils/i18n'

import { SelectField } from './form'

/** A choice of one of the portal's languages, each named in itself: for a person's pages and emails. */
export function LanguageField({
  form,
  name = 'language',
  label,
  hint,
  defaultValue,
}: {
  form: UseFormReturn<FieldValues>
  name?: string
  label: string
  hint: string
  defaultValue: string
}) {
  return (
    <SelectField
      form={form}
      name={name}
      label={label}
      hint={hint}
      required
      defaultValue={defaultValue}
      options={languages.map((language) => ({
        value: language.code,
        label: language.name,
        lang: language.code,
      }))}
    />
  )
}
