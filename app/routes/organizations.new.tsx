import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'

import { SelectField, SubmitButton, TextField, useValidatedForm, ValidatedForm } from '~/components/form'
import { registerOrganization } from '~/models/organization.server'
import { organizationKinds, RegisterOrganizationSchema } from '~/schemas/organization'
import { listCountries } from '~/utils/countries'
import { isFormReply } from '~/utils/forms'
import { badRequest, formError, parseForm } from '~/utils/forms.server'
import type { PageHandle } from '~/utils/page-title'
import { canRegisterOrganization } from '~/utils/permissions'
import { forbidden } from '~/utils/permissions.server'
import { requireUser } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const handle: PageHandle = { pageTitle: (t) => t('organizations:register.title') }

/** Staff accounts work for the authority or a mission; only other users register organizations. */
async function requireRegistrant(request: Request) {
  const user = await requireUser(request)
  if (!canRegisterOrganization(user)) forbidden()
  return user
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRegistrant(request)
  return { isEmailVerified: user.emailVerifiedAt !== null }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRegistrant(request)
  if (!user.emailVerifiedAt) return formError('organizations:register.verifyEmailFirst', 403)
  const submission = await parseForm(request, RegisterOrganizationSchema)
  if (!submission.ok) return badRequest(submission.reply)
  const organization = await registerOrganization(user, submission.value)
  return redirectWithToast(`/organizations/${organization.id}`, 'organizations:register.registered')
}

export default function RegisterOrganization() {
  const { t } = useTranslation('organizations')
  const { isEmailVerified } = useLoaderData<typeof loader>()
  return (
    <div className="narrow">
      <h1>{t('register.title')}</h1>
      <p>{t('register.intro')}</p>
      {isEmailVerified ? (
        <RegistrationForm />
      ) : (
        <div className="notice" role="status">
          <p>{t('register.verifyEmailFirst')}</p>
          <p>
            <a href="/verify-email">{t('register.verifyEmailLink')}</a>
          </p>
        </div>
      )}
    </div>
  )
}

function RegistrationForm() {
  const { t, i18n } = useTranslation('organizations')
  const actionData = useActionData<typeof action>()
  const validated = useValidatedForm(RegisterOrganizationSchema, isFormReply(actionData) ? actionData : null)
  const { form, reply } = validated
  const values = reply?.values
  const countries = useMemo(() => listCountries(i18n.language), [i18n.language])
  return (
    <ValidatedForm validated={validated}>
      <p>{t('form.requiredNote')}</p>
      <fieldset>
        <legend>{t('register.sections.organization')}</legend>
        <SelectField
          form={form}
          name="kind"
          label={t('fields.kind')}
          hint={t('register.hints.kind')}
          required
          defaultValue={values?.kind ?? ''}
          options={[
            { value: '', label: t('register.kindPlaceholder') },
            ...organizationKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) })),
          ]}
        />
        <TextField
          form={form}
          name="legalName"
          label={t('fields.legalName')}
          hint={t('register.hints.legalName')}
          required
          autoComplete="organization"
          defaultValue={values?.legalName}
        />
        <TextField
          form={form}
          name="registerNumber"
          label={t('fields.registerNumber')}
          hint={t('register.hints.registerNumber')}
          required
          defaultValue={values?.registerNumber}
        />
        <TextField
          form={form}
          name="baCompanyNumber"
          label={t('fields.baCompanyNumberOptional')}
          hint={t('register.hints.baCompanyNumber')}
          inputMode="numeric"
          maxLength={8}
          dir="ltr"
          defaultValue={values?.baCompanyNumber}
        />
      </fieldset>
      <fieldset>
        <legend>{t('register.sections.address')}</legend>
        <TextField
          form={form}
          name="street"
          label={t('fields.street')}
          required
          autoComplete="address-line1"
          defaultValue={values?.street}
        />
        <div className="form-grid">
          <TextField
            form={form}
            name="postalCode"
            label={t('fields.postalCode')}
            required
            autoComplete="postal-code"
            defaultValue={values?.postalCode}
          />
          <TextField
            form={form}
            name="city"
            label={t('fields.city')}
            required
            autoComplete="address-level2"
            defaultValue={values?.city}
          />
        </div>
        <SelectField
          form={form}
          name="country"
          label={t('fields.country')}
          required
          autoComplete="country"
          defaultValue={values?.country ?? 'DE'}
          options={countries.map((country) => ({ value: country.code, label: country.name }))}
        />
      </fieldset>
      <PersonFieldset form={form} prefix="contact" values={values} />
      <PersonFieldset form={form} prefix="deputy" values={values} />
      <SubmitButton>{t('register.submit')}</SubmitButton>
    </ValidatedForm>
  )
}

function PersonFieldset({
  form,
  prefix,
  values,
}: {
  form: ReturnType<typeof useValidatedForm>['form']
  prefix: 'contact' | 'deputy'
  values: Record<string, string> | undefined
}) {
  const { t } = useTranslation('organizations')
  return (
    <fieldset>
      <legend>{t(`register.sections.${prefix}`)}</legend>
      <p className="field-hint">{t(`register.hints.${prefix}`)}</p>
      <TextField
        form={form}
        name={`${prefix}Name`}
        label={t('fields.personName')}
        required
        defaultValue={values?.[`${prefix}Name`]}
      />
      <div className="form-grid">
        <TextField
          form={form}
          name={`${prefix}Email`}
          label={t('fields.email')}
          type="email"
          required
          dir="ltr"
          defaultValue={values?.[`${prefix}Email`]}
        />
        <TextField
          form={form}
          name={`${prefix}Phone`}
          label={t('fields.phone')}
          type="tel"
          required
          dir="ltr"
          defaultValue={values?.[`${prefix}Phone`]}
        />
      </div>
    </fieldset>
  )
}
