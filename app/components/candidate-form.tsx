import { useId, useMemo } from 'react'
import type { FieldValues, UseFormReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'

import { CandidateSchema, qualificationKinds } from '~/schemas/candidate'
import { listCountries } from '~/utils/countries'
import type { FormReply } from '~/utils/forms'

import {
  SelectField,
  SubmitButton,
  TextField,
  translateMessage,
  useValidatedForm,
  ValidatedForm,
} from './form'
import { LanguageField } from './language-field'

type Values = Record<string, unknown>

/**
 * The candidate's registration and edit form. `values` are the stored data (when editing); a refused
 * submission's values take precedence so nothing typed is lost.
 */
export function CandidateForm({
  reply,
  values: stored = {},
  submitLabel,
}: {
  reply: FormReply | null
  values?: Values
  submitLabel: string
}) {
  const { t, i18n } = useTranslation('candidates')
  const validated = useValidatedForm(CandidateSchema, reply)
  const { form } = validated
  const value = (name: string) => reply?.values?.[name] ?? String(stored[name] ?? '')
  const countries = useMemo(
    () => [
      { value: '', label: t('form.chooseCountry') },
      ...listCountries(i18n.language).map((country) => ({ value: country.code, label: country.name })),
    ],
    [t, i18n.language],
  )
  const text = (name: string, props: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      form={form}
      name={name}
      label={t(`fields.${name}`)}
      required
      defaultValue={value(name)}
      {...props}
    />
  )
  const country = (name: string, autoComplete?: string) => (
    <SelectField
      form={form}
      name={name}
      label={t(`fields.${name}`)}
      required
      autoComplete={autoComplete}
      defaultValue={value(name)}
      options={countries}
    />
  )
  return (
    <ValidatedForm validated={validated}>
      <p>{t('form.requiredNote')}</p>
      <fieldset>
        <legend>{t('form.sections.identity')}</legend>
        <p className="field-hint">{t('form.hints.passportNames')}</p>
        <div className="form-grid">
          {text('surname', { autoComplete: 'off' })}
          {text('givenNames', { autoComplete: 'off' })}
        </div>
        <div className="form-grid">
          {text('dateOfBirth', { type: 'date', dir: 'ltr' })}
          {text('placeOfBirth')}
        </div>
        {country('nationality')}
      </fieldset>
      <fieldset>
        <legend>{t('form.sections.passport')}</legend>
        <div className="form-grid">
          {text('passportNumber', { dir: 'ltr', autoComplete: 'off', hint: t('form.hints.passportNumber') })}
          {text('passportExpiry', { type: 'date', dir: 'ltr' })}
        </div>
        <Confirmation form={form} reply={reply} name="confirmPassportExpiry" />
      </fieldset>
      <fieldset>
        <legend>{t('form.sections.contact')}</legend>
        <div className="form-grid">
          {text('email', { type: 'email', dir: 'ltr', autoComplete: 'off' })}
          {text('phone', { type: 'tel', dir: 'ltr', autoComplete: 'off' })}
        </div>
        <LanguageField
          form={form}
          name="preferredLanguage"
          label={t('fields.preferredLanguage')}
          hint={t('form.hints.preferredLanguage')}
          defaultValue={value('preferredLanguage') || i18n.language}
        />
      </fieldset>
      <fieldset>
        <legend>{t('form.sections.qualification')}</legend>
        <SelectField
          form={form}
          name="qualificationKind"
          label={t('fields.qualificationKind')}
          required
          defaultValue={value('qualificationKind')}
          options={[
            { value: '', label: t('form.chooseKind') },
            ...qualificationKinds.map((kind) => ({ value: kind, label: t(`qualificationKinds.${kind}`) })),
          ]}
        />
        {text('qualificationTitle', { hint: t('form.hints.qualificationTitle') })}
        <div className="form-grid">
          {country('qualificationCountry')}
          {text('qualificationYear', { inputMode: 'numeric', maxLength: 4, dir: 'ltr' })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('form.sections.plans')}</legend>
        {country('countryOfResidence')}
        {text('intendedEntryDate', {
          type: 'date',
          dir: 'ltr',
          required: false,
          label: t('fields.intendedEntryDateOptional'),
          hint: t('form.hints.intendedEntryDate'),
        })}
      </fieldset>
      <Confirmation form={form} reply={reply} name="confirmDuplicate" />
      <SubmitButton>{submitLabel}</SubmitButton>
    </ValidatedForm>
  )
}

/**
 * A warning the user may override: it appears with its checkbox when the browser or the server raised
 * it, and stays while ticked so a later refusal for another reason does not drop the confirmation.
 */
function Confirmation({
  form,
  reply,
  name,
}: {
  form: UseFormReturn<FieldValues>
  reply: FormReply | null
  name: 'confirmDuplicate' | 'confirmPassportExpiry'
}) {
  const { t } = useTranslation('candidates')
  const id = useId()
  const warning = form.formState.errors[name]?.message
  const wasTicked = reply?.values?.[name] === 'on'
  const isTicked = Boolean(form.watch(name))
  if (typeof warning !== 'string' && !wasTicked && !isTicked) return null
  return (
    <div className="notice" role="alert">
      {typeof warning === 'string' ? <p id={`${id}-warning`}>{translateMessage(t, warning)}</p> : null}
      <p className="field">
        <label htmlFor={id}>
          <input
            id={id}
            type="checkbox"
            defaultChecked={wasTicked}
            aria-describedby={typeof warning === 'string' ? `${id}-warning` : undefined}
            {...form.register(name)}
          />{' '}
          {t(`form.${name}`)}
        </label>
      </p>
    </div>
  )
}
