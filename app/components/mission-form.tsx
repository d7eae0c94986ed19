import { Link } from '@remix-run/react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'

import { MissionSchema } from '~/schemas/missions'
import { listCountries } from '~/utils/countries'
import type { FormReply } from '~/utils/forms'

import { SelectField, SubmitButton, TextField, useValidatedForm, ValidatedForm } from './form'

type MissionValues = { name: string; country: string; city: string; visaSectionEmail: string }

/** Creating and editing a mission: the same fields, prefilled when editing. */
export function MissionForm({
  reply,
  mission,
  submitLabel,
}: {
  reply: FormReply | null
  mission?: MissionValues
  submitLabel: string
}) {
  const { t, i18n } = useTranslation('staff')
  const validated = useValidatedForm(MissionSchema, reply)
  const { form } = validated
  const values = reply?.values ?? mission
  const countries = useMemo(() => listCountries(i18n.language), [i18n.language])
  return (
    <ValidatedForm validated={validated}>
      <p>{t('form.requiredNote')}</p>
      <TextField
        form={form}
        name="name"
        label={t('missions.fields.name')}
        hint={t('missions.form.nameHint')}
        required
        defaultValue={values?.name}
      />
      <SelectField
        form={form}
        name="country"
        label={t('missions.fields.country')}
        required
        defaultValue={values?.country ?? ''}
        options={[
          { value: '', label: t('missions.form.chooseCountry') },
          ...countries.map((country) => ({ value: country.code, label: country.name })),
        ]}
      />
      <TextField
        form={form}
        name="city"
        label={t('missions.fields.city')}
        required
        defaultValue={values?.city}
      />
      <TextField
        form={form}
        name="visaSectionEmail"
        type="email"
        label={t('missions.fields.visaSectionEmail')}
        hint={t('missions.form.visaSectionEmailHint')}
        required
        dir="ltr"
        defaultValue={values?.visaSectionEmail}
      />
      <p>
        <SubmitButton>{submitLabel}</SubmitButton>{' '}
        <Link to="/admin/missions">{t('common:actions.cancel')}</Link>
      </p>
    </ValidatedForm>
  )
}
