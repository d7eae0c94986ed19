import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { translateMessage } from '~/components/form'
import {
  getCandidateImport,
  importCandidates,
  prepareCandidateImport,
  type CandidateImportPreview,
  type FileProblem,
} from '~/models/candidate-import.server'
import {
  columnLetter,
  ImportConfirmationSchema,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_MEGABYTES,
  MAX_IMPORT_ROWS,
} from '~/schemas/candidate-import'
import { countryName } from '~/utils/countries'
import { fromDateOnly } from '~/utils/date-only'
import { badRequest, parseForm } from '~/utils/forms.server'
import { formatDate } from '~/utils/locale-format'
import { isMultipart, readSmallUpload, type SmallUpload } from '~/utils/memory-upload.server'
import type { PageHandle } from '~/utils/page-title'
import { notFound, requireOrganizationAccess } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'
import { message } from '~/utils/validation'

export const handle: PageHandle = { pageTitle: (t) => t('candidateImport:page.title') }

const uploadProblems: Record<Extract<SmallUpload, { ok: false }>['reason'], string> = {
  missing: 'candidateImport:errors.noFile',
  tooLarge: message('candidateImport:errors.tooLarge', { megabytes: MAX_IMPORT_MEGABYTES }),
  unreadable: 'candidateImport:errors.unreadable',
}

/** Step 1 without `?import`, the preview of a checked file (steps 2 and 3) with it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganizationAccess(request, params.orgId, 'view')
  const importId = new URL(request.url).searchParams.get('import')
  if (importId === null) return { organizationId: params.orgId!, preview: null }
  const preview = await getCandidateImport(params.orgId!, importId)
  if (!preview) notFound()
  return { organizationId: params.orgId!, preview }
}

function refuse(problem: FileProblem) {
  return data({ problem }, { status: 400 })
}

/** A file upload (multipart) is checked and shown as a preview; the preview's form imports it. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireOrganizationAccess(request, params.orgId, 'view')
  const organizationId = params.orgId!
  if (isMultipart(request)) {
    const upload = await readSmallUpload(request, 'file', MAX_IMPORT_BYTES)
    if (!upload.ok) return refuse({ message: uploadProblems[upload.reason] })
    const prepared = await prepareCandidateImport(user, organizationId, upload.bytes)
    if (!prepared.ok) return refuse(prepared.problem)
    return redirect(
      `/organizations/${organizationId}/candidates/import?import=${encodeURIComponent(prepared.importId)}`,
    )
  }
  const submission = await parseForm(request, ImportConfirmationSchema)
  if (!submission.ok) return badRequest(submission.reply)
  const count = await importCandidates(user, organizationId, submission.value.importId)
  if (count === null) notFound()
  return redirectWithToast(
    `/organizations/${organizationId}/candidates`,
    message('candidateImport:toast.imported', { count }),
  )
}

export default function CandidateImport() {
  const { t } = useTranslation('candidateImport')
  const { organizationId, preview } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const problem = actionData && 'problem' in actionData ? actionData.problem : null
  return (
    <>
      <p>
        <Link to={`/organizations/${organizationId}/candidates`}>{t('candidates:list.title')}</Link>
      </p>
      <h1>{t('page.title')}</h1>
      {preview ? (
        <Preview organizationId={organizationId} preview={preview} />
      ) : (
        <>
          <p>{t('page.intro')}</p>
          <Template organizationId={organizationId} />
          <Upload problem={problem} />
        </>
      )}
    </>
  )
}

function Template({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation('candidateImport')
  return (
    <>
      <h2>{t('template.heading')}</h2>
      <p>{t('template.text')}</p>
      <p>
        {/* a download, not a page: the browser fetches it directly */}
        <a href={`/organizations/${organizationId}/candidates/import/template`} download className="button">
          {t('template.download')}
        </a>
      </p>
      <h3>{t('formats.heading')}</h3>
      <ul>
        {(
          [
            'headings',
            'delimiter',
            'optional',
            'dates',
            'countries',
            'qualificationKind',
            'language',
          ] as const
        ).map((rule) => (
          <li key={rule}>{t(`formats.${rule}`)}</li>
        ))}
      </ul>
    </>
  )
}

function Upload({ problem }: { problem: FileProblem | null }) {
  const { t } = useTranslation('candidateImport')
  const { t: translate } = useTranslation()
  const navigation = useNavigation()
  const id = useId()
  const isUploading = navigation.state !== 'idle' && navigation.formEncType === 'multipart/form-data'
  return (
    <>
      <h2>{t('upload.heading')}</h2>
      <Form method="post" encType="multipart/form-data">
        {problem ? (
          <div className="form-error" role="alert" id={`${id}-error`}>
            <p>{translateMessage(translate, problem.message)}</p>
            {problem.fields ? (
              <ul>
                {problem.fields.map((field) => (
                  <li key={field}>{t(`candidates:fields.${field}`)}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={id}>{t('upload.label')}</label>
          <p className="field-hint" id={`${id}-hint`}>
            {t('upload.hint', { megabytes: MAX_IMPORT_MEGABYTES, rows: MAX_IMPORT_ROWS })}
          </p>
          <input
            id={id}
            type="file"
            name="file"
            accept=".csv,text/csv"
            required
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-hint ${id}-error` : `${id}-hint`}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={isUploading}>
          {t('upload.submit')}
        </button>
        <Progress isActive={isUploading} label={t('upload.progress')} />
      </Form>
    </>
  )
}

function Preview({ organizationId, preview }: { organizationId: string; preview: CandidateImportPreview }) {
  const { t, i18n } = useTranslation('candidateImport')
  const { t: translate } = useTranslation()
  const navigation = useNavigation()
  const count = preview.rows.length
  const isImporting = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'import'
  return (
    <>
      <h2>{t('preview.heading')}</h2>
      <p role="status">
        {t('preview.summary', {
          ready: t('preview.ready', { count }),
          withErrors: t('preview.withErrors', { count: preview.errorRowCount }),
        })}
      </p>
      {preview.ignoredColumns.length > 0 ? (
        <p className="notice">
          {t('preview.ignoredColumns', { columns: preview.ignoredColumns.join(', ') })}
        </p>
      ) : null}
      {preview.errors.length > 0 ? (
        <>
          <div className="table-wrap">
            <table>
              <caption>{t('preview.errorsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('preview.rowColumn')}</th>
                  <th scope="col">{t('preview.columnColumn')}</th>
                  <th scope="col">{t('preview.problemColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.errors.map((error) => (
                  <tr key={`${error.row}-${error.field}`}>
                    <th scope="row">{error.row}</th>
                    <td>
                      {t('preview.columnName', {
                        name: t(`candidates:fields.${error.field}`),
                        letter: columnLetter(error.column),
                      })}
                    </td>
                    <td>{translateMessage(translate, error.message)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>{t('preview.errorsHelp')}</p>
        </>
      ) : null}
      {count > 0 ? (
        <>
          <div className="table-wrap">
            <table>
              <caption>{t('preview.readyCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('preview.rowColumn')}</th>
                  <th scope="col">{t('candidates:list.nameColumn')}</th>
                  <th scope="col">{t('candidates:fields.dateOfBirth')}</th>
                  <th scope="col">{t('candidates:fields.nationality')}</th>
                  <th scope="col">{t('candidates:fields.passportNumber')}</th>
                  <th scope="col">{t('preview.notesColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row) => (
                  <tr key={row.row}>
                    <th scope="row">{row.row}</th>
                    <td>
                      {/* names in another script keep their own direction inside the sentence */}
                      <bdi>
                        {t('candidates:list.name', { surname: row.surname, givenNames: row.givenNames })}
                      </bdi>
                    </td>
                    <td>{formatDate(fromDateOnly(row.dateOfBirth), i18n.language)}</td>
                    <td>{countryName(row.nationality, i18n.language)}</td>
                    <td dir="ltr">{row.passportNumber}</td>
                    <td>
                      {row.warnings.map((warning) => (
                        <p key={warning}>{translateMessage(translate, warning)}</p>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Form method="post">
            <input type="hidden" name="intent" value="import" />
            <input type="hidden" name="importId" value={preview.id} />
            <button type="submit" className="button button-primary" disabled={isImporting}>
              {t('preview.import', { count })}
            </button>
          </Form>
          <Progress isActive={isImporting} label={t('preview.importing', { count })} />
        </>
      ) : (
        <p className="notice">{t('preview.nothingToImport')}</p>
      )}
      <p>
        {t('preview.kept')}{' '}
        <Link to={`/organizations/${organizationId}/candidates/import`}>{t('preview.uploadAnother')}</Link>
      </p>
    </>
  )
}

/**
 * How far a submission is. The status region is always in the page, so screen readers announce the
 * text when it appears; the bar itself is indeterminate (a form post reports no byte count).
 */
function Progress({ isActive, label }: { isActive: boolean; label: string }) {
  return (
    <div role="status">
      {isActive ? (
        <p>
          <progress aria-label={label} /> {label}
        </p>
      ) : null}
    </div>
  )
}
