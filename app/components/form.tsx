import { zodResolver } from '@hookform/resolvers/zod'
import { Form, useNavigation, useSubmit, type FormProps } from '@remix-run/react'
import {
  useId,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react'
import { useForm, type FieldValues, type UseFormReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'

import type { FormReply } from '~/utils/forms'
import { parseMessage } from '~/utils/validation'

/**
 * A form validated in the browser with the zod schema the server parses again. Without JavaScript it
 * is a plain HTML form; with it, react-hook-form checks fields on blur and before submitting.
 */
export function useValidatedForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  reply?: FormReply | null,
) {
  const form = useForm<FieldValues>({
    // zod 4 schemas with transforms: the resolver validates, the server receives the raw form data
    resolver: zodResolver(schema as never) as never,
    mode: 'onTouched',
    errors: reply ? (toFieldErrors(reply.fieldErrors) as never) : undefined,
  })
  const submit = useSubmit()
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const formElement = event.currentTarget
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null
    void form.handleSubmit(() => submit(submitter ?? formElement, { method: 'post' }))(event)
  }
  return { form, onSubmit, reply }
}

function toFieldErrors(fieldErrors: Record<string, string[]>) {
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([name, messages]) => [name, { type: 'server', message: messages[0] }]),
  )
}

type ValidatedFormProps = Omit<FormProps, 'onSubmit'> & {
  validated: ReturnType<typeof useValidatedForm>
  children: ReactNode
}

export function ValidatedForm({ validated, children, ...props }: ValidatedFormProps) {
  const { t } = useTranslation()
  const formError = validated.reply?.formError
  return (
    <Form method="post" noValidate onSubmit={validated.onSubmit} {...props}>
      {formError ? (
        <p className="form-error" role="alert">
          {translateMessage(t, formError)}
        </p>
      ) : null}
      {children}
    </Form>
  )
}

export function translateMessage(
  t: (key: string, values?: Record<string, unknown>) => string,
  encoded: string,
) {
  const { key, values } = parseMessage(encoded)
  return t(key, values)
}

type FieldProps = {
  form: UseFormReturn<FieldValues>
  name: string
  label: string
  hint?: string
  defaultValue?: string
}

/** Label, hint and error around one control, wired with ids for screen readers. */
function FieldFrame({
  form,
  name,
  label,
  hint,
  isRequired,
  children,
}: Pick<FieldProps, 'form' | 'name' | 'label' | 'hint'> & {
  isRequired?: boolean
  children: (control: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode
}) {
  const { t } = useTranslation()
  const id = useId()
  const error = form.formState.errors[name]?.message
  const errorText = typeof error === 'string' ? translateMessage(t, error) : undefined
  const describedBy = [hint ? `${id}-hint` : null, errorText ? `${id}-error` : null].filter(Boolean).join(' ')
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
      {children({
        id,
        'aria-invalid': errorText ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {errorText ? (
        <p className="field-error" id={`${id}-error`}>
          {errorText}
        </p>
      ) : null}
    </div>
  )
}

export function TextField({
  form,
  name,
  label,
  hint,
  defaultValue,
  ...input
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'form' | 'name' | 'defaultValue'>) {
  return (
    <FieldFrame form={form} name={name} label={label} hint={hint} isRequired={input.required}>
      {(control) => <input defaultValue={defaultValue} {...control} {...input} {...form.register(name)} />}
    </FieldFrame>
  )
}

export function TextAreaField({
  form,
  name,
  label,
  hint,
  defaultValue,
  ...textarea
}: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'form' | 'name' | 'defaultValue'>) {
  return (
    <FieldFrame form={form} name={name} label={label} hint={hint} isRequired={textarea.required}>
      {(control) => (
        <textarea defaultValue={defaultValue} {...control} {...textarea} {...form.register(name)} />
      )}
    </FieldFrame>
  )
}

export function SelectField({
  form,
  name,
  label,
  hint,
  defaultValue,
  options,
  ...select
}: FieldProps & {
  options: { value: string; label: string; lang?: string }[]
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'form' | 'name' | 'defaultValue'>) {
  return (
    <FieldFrame form={form} name={name} label={label} hint={hint} isRequired={select.required}>
      {(control) => (
        <select defaultValue={defaultValue} {...control} {...select} {...form.register(name)}>
          {options.map((option) => (
            <option key={option.value} value={option.value} lang={option.lang}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  )
}

/** A submit button that says it is busy while its form is on its way. */
export function SubmitButton({ children, className }: { children: ReactNode; className?: string }) {
  const navigation = useNavigation()
  const isSubmitting = navigation.state === 'submitting'
  return (
    <button type="submit" className={className ?? 'button button-primary'} aria-disabled={isSubmitting}>
      {children}
    </button>
  )
}
