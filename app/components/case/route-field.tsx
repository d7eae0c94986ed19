import { Link } from '@remix-run/react'
import { useId } from 'react'
import type { FieldValues, UseFormReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'

import { translateMessage } from '~/components/form'
import { routeChoices } from '~/schemas/case'
import { procedureIds } from '~/workflow/types'

/**
 * The procedure and residence title of a new case: one choice per title, grouped by procedure, with a
 * way to the eligibility helper for readers who do not know which title fits.
 */
export function RouteField({
  form,
  defaultValue,
}: {
  form: UseFormReturn<FieldValues>
  defaultValue?: string
}) {
  const { t } = useTranslation('cases')
  const id = useId()
  const error = form.formState.errors.route?.message
  const errorText = typeof error === 'string' ? translateMessage(t, error) : undefined
  const describedBy = [`${id}-hint`, errorText ? `${id}-error` : null].filter(Boolean).join(' ')
  return (
    <div className="field">
      <label htmlFor={id}>
        {t('start.route')}
        <span aria-hidden="true"> *</span>
      </label>
      <p className="field-hint" id={`${id}-hint`}>
        {t('start.routeHint')} <Link to="/eligibility">{t('start.eligibilityLink')}</Link>
      </p>
      <select
        id={id}
        required
        defaultValue={defaultValue ?? ''}
        aria-invalid={errorText ? true : undefined}
        aria-describedby={describedBy}
        {...form.register('route')}
      >
        <option value="">{t('start.chooseRoute')}</option>
        {procedureIds.map((procedureId) => (
          <optgroup key={procedureId} label={t(`workflow:procedures.${procedureId}`)}>
            {routeChoices
              .filter((choice) => choice.procedureId === procedureId)
              .map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {t(`workflow:titles.${choice.title}`)}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      {errorText ? (
        <p className="field-error" id={`${id}-error`}>
          {errorText}
        </p>
      ) : null}
    </div>
  )
}
