import { Form } from '@remix-run/react'
import { createContext, useContext, useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { SubmitButton, translateMessage } from '~/components/form'
import type { FormReply } from '~/utils/forms'

/**
 * Building blocks of the case action forms. Each form is a plain Remix form (it works without JavaScript)
 * that names its intent, step and the case version it was rendered from; the server validates, and a
 * refused submission comes back as a reply that only the form it belongs to shows.
 */
const ReplyContext = createContext<FormReply | null>(null)

export function isReplyFor(reply: FormReply | null, intent: string, step?: string) {
  return reply?.values?.intent === intent && (reply.values.step ?? '') === (step ?? '')
}

export function ActionForm({
  intent,
  step,
  version,
  reply,
  submitLabel,
  description,
  isDanger = false,
  children,
}: {
  intent: string
  step?: string
  version: number
  reply: FormReply | null
  submitLabel: string
  /** What the action sets off, shown before its fields or button. */
  description?: string
  isDanger?: boolean
  /** The action's fields, grouped under its name. */
  children?: ReactNode
}) {
  const text = description ? <p>{description}</p> : null
  return (
    <ReplyContext.Provider value={isReplyFor(reply, intent, step) ? reply : null}>
      <Form method="post" className="case-action-form">
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="version" value={version} />
        {step ? <input type="hidden" name="step" value={step} /> : null}
        {children ? (
          <fieldset>
            <legend>{submitLabel}</legend>
            {text}
            {children}
          </fieldset>
        ) : (
          text
        )}
        <SubmitButton className={isDanger ? 'button button-danger' : 'button button-primary'}>
          {submitLabel}
        </SubmitButton>
      </Form>
    </ReplyContext.Provider>
  )
}

/** The translated message for a field of this form's refused submission, and the value sent. */
function useField(name: string) {
  const { t } = useTranslation()
  const reply = useContext(ReplyContext)
  const error = reply?.fieldErrors[name]?.[0]
  return { error: error ? translateMessage(t, error) : undefined, previous: reply?.values?.[name] }
}

function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p className="field-error" id={id}>
      {error}
    </p>
  ) : null
}

type Choice = { value: string; label: string; hint?: string }

/** Radio buttons (one answer) or checkboxes (several) under one legend. */
export function ChoiceGroup({
  type,
  name,
  legend,
  hint,
  choices,
  isRequired = false,
  isEachRequired = false,
}: {
  type: 'radio' | 'checkbox'
  name: string
  legend: string
  hint?: string
  choices: Choice[]
  /** A radio group needs an answer. */
  isRequired?: boolean
  /** Every box must be ticked (a checklist the law makes complete). */
  isEachRequired?: boolean
}) {
  const id = useId()
  const { error, previous } = useField(name)
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ')
  return (
    <fieldset aria-describedby={describedBy || undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {choices.map((choice) => (
        <div key={choice.value} className="choice">
          <input
            type={type}
            id={`${id}-${choice.value}`}
            name={name}
            value={choice.value}
            required={type === 'radio' ? isRequired : isEachRequired}
            defaultChecked={previous === choice.value}
            aria-describedby={choice.hint ? `${id}-${choice.value}-hint` : undefined}
          />
          <label htmlFor={`${id}-${choice.value}`}>{choice.label}</label>
          {choice.hint ? (
            <p className="field-hint" id={`${id}-${choice.value}-hint`}>
              {choice.hint}
            </p>
          ) : null}
        </div>
      ))}
      <FieldError id={`${id}-error`} error={error} />
    </fieldset>
  )
}

/** One checkbox the user ticks to confirm what the form is about to record. */
export function ConfirmBox({ label }: { label: string }) {
  const id = useId()
  const { error } = useField('confirm')
  return (
    <div className="choice">
      <input
        type="checkbox"
        id={id}
        name="confirm"
        value="on"
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <label htmlFor={id}>{label}</label>
      <FieldError id={`${id}-error`} error={error} />
    </div>
  )
}

type InputProps = {
  name: string
  label: string
  hint?: string
  isRequired?: boolean
}

/** A labelled input or text area with its hint and error, as in components/form.tsx. */
export function InputField({
  name,
  label,
  hint,
  isRequired = false,
  kind,
  max,
  maxLength,
}: InputProps & { kind: 'date' | 'text' | 'textarea'; max?: string; maxLength?: number }) {
  const id = useId()
  const { error, previous } = useField(name)
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ')
  const control = {
    id,
    name,
    required: isRequired,
    defaultValue: previous,
    maxLength,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
  }
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {isRequired ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {kind === 'textarea' ? (
        <textarea rows={4} {...control} />
      ) : (
        <input type={kind} max={max} {...control} />
      )}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  )
}
