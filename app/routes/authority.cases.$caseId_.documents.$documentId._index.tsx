import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { DocumentStateBadge, FileSize } from '~/components/documents/checklist'
import { SubmitButton, TextAreaField, TextField, ValidatedForm, useValidatedForm } from '~/components/form'
import { getChecklist, getDocument, reviewDocument } from '~/models/document.server'
import {
  AcceptDocumentSchema,
  REJECTION_REASON_MAX_LENGTH,
  RejectDocumentSchema,
  ReviewDocumentSchema,
} from '~/schemas/document'
import documentStyles from '~/styles/documents.css'
import { requireAuthorityCase } from '~/utils/case-access.server'
import type { FormReply } from '~/utils/forms'
import { badRequest, formError, parseForm } from '~/utils/forms.server'
import { formatDateTime } from '~/utils/locale-format'
import type { PageHandle } from '~/utils/page-title'
import { notFound } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'
import { isTerminal } from '~/workflow/case-queries'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: documentStyles }]

export const handle: PageHandle = {
  pageTitle: (t, loaderData) => {
    const requirement = (loaderData as { document?: { requirement: string } } | undefined)?.document
      ?.requirement
    return requirement
      ? t('documents:review.title', { document: t(`workflow:documents.${requirement}.name`) })
      : t('documents:review.heading')
  },
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { kase } = await requireAuthorityCase(request, params)
  const document = (await getDocument(kase, params.documentId ?? '')) ?? notFound()
  const checklist = await getChecklist(kase)
  const item = checklist.items.find((entry) => entry.key === document.requirement)
  return {
    kase: { id: kase.id, fileNumber: kase.fileNumber, isFinished: isTerminal(kase.state.status) },
    document,
    state: item?.state ?? null,
    isNewest: item?.versions[0]?.id === document.id,
  }
}

const errorStatus: Record<string, number> = {
  'workflow:errors.conflict': 409,
  'workflow:errors.notAllowed': 403,
}

/** Accept (with the passport's expiry for a passport copy) or reject with a reason for the organization. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, kase } = await requireAuthorityCase(request, params)
  const document = (await getDocument(kase, params.documentId ?? '')) ?? notFound()
  const submission = await parseForm(request, ReviewDocumentSchema)
  if (!submission.ok) return badRequest(submission.reply)
  const { value } = submission
  if (value.intent === 'accept' && document.requirement === 'passportCopy' && !value.passportExpiry) {
    return badRequest({
      fieldErrors: { passportExpiry: ['validation.required'] },
      values: { intent: 'accept' },
    })
  }
  const decision =
    value.intent === 'accept'
      ? { accept: true as const, passportExpiry: value.passportExpiry }
      : { accept: false as const, reason: value.reason }
  const result = (await reviewDocument(user, kase, document.id, decision)) ?? notFound()
  if (!result.ok) return formError(result.error, errorStatus[result.error] ?? 400)
  return redirectWithToast(
    `/authority/cases/${kase.id}/documents`,
    value.intent === 'accept' ? 'documents:toast.accepted' : 'documents:toast.rejected',
  )
}

export default function ReviewDocument() {
  const { t, i18n } = useTranslation('documents')
  const { kase, document, state, isNewest } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const reply = (actionData ?? null) as FormReply | null
  const name = t(`workflow:documents.${document.requirement}.name`)
  const documentsPath = `/authority/cases/${kase.id}/documents`
  const fileUrl = `${documentsPath}/${document.id}/file`
  const isReviewable = document.status === 'UPLOADED' && !kase.isFinished
  return (
    <>
      <p>
        <Link to={documentsPath}>{t('review.back', { fileNumber: kase.fileNumber })}</Link>
      </p>
      <h1>{t('review.title', { document: name })}</h1>
      <dl className="details">
        <dt>{t('review.version')}</dt>
        <dd>
          {document.version} {t(`status.${document.status}`)}
          {state ? (
            <>
              {' '}
              <DocumentStateBadge state={state} />
            </>
          ) : null}
        </dd>
        <dt>{t('versions.file')}</dt>
        <dd>
          <bdi>{document.originalName}</bdi> (<FileSize bytes={document.size} />,{' '}
          {t(`types.${document.mimeType}`)})
        </dd>
        <dt>{t('versions.uploaded')}</dt>
        <dd>
          {t('versions.by', {
            date: formatDateTime(document.createdAt, i18n.language),
            name: document.uploadedBy,
          })}
        </dd>
        {document.reviewedAt && document.reviewedBy ? (
          <>
            <dt>{t('review.reviewed')}</dt>
            <dd>
              {t('versions.by', {
                date: formatDateTime(document.reviewedAt, i18n.language),
                name: document.reviewedBy,
              })}
              {document.reviewNote ? <p>{t('versions.reason', { reason: document.reviewNote })}</p> : null}
            </dd>
          </>
        ) : null}
      </dl>
      {isNewest ? null : <p className="notice">{t('review.notNewest')}</p>}
      <p>
        <a href={fileUrl} download>
          {t('review.download')}
        </a>
      </p>
      <section aria-labelledby="preview-heading" className="document-preview">
        <h2 id="preview-heading">{t('review.preview')}</h2>
        {document.mimeType === 'application/pdf' ? (
          <iframe
            src={`${fileUrl}?inline=1`}
            title={t('review.pdfTitle', { document: name, version: document.version })}
          />
        ) : (
          <img
            src={`${fileUrl}?inline=1`}
            alt={t('review.imageAlt', { document: name, version: document.version })}
          />
        )}
      </section>
      {isReviewable ? (
        <ReviewForms requirement={document.requirement} reply={reply} />
      ) : (
        <p>{t('review.notReviewable')}</p>
      )}
    </>
  )
}

function ReviewForms({ requirement, reply }: { requirement: string; reply: FormReply | null }) {
  const { t } = useTranslation('documents')
  const intent = reply?.values?.intent
  const accept = useValidatedForm(AcceptDocumentSchema, intent === 'accept' || !intent ? reply : null)
  const reject = useValidatedForm(RejectDocumentSchema, intent === 'reject' ? reply : null)
  return (
    <>
      <section aria-labelledby="accept-heading">
        <h2 id="accept-heading">{t('review.acceptHeading')}</h2>
        <ValidatedForm validated={accept}>
          <input type="hidden" name="intent" value="accept" />
          {requirement === 'passportCopy' ? (
            <TextField
              form={accept.form}
              name="passportExpiry"
              type="date"
              required
              label={t('review.passportExpiry')}
              hint={t('review.passportExpiryHint')}
            />
          ) : null}
          <SubmitButton>{t('review.acceptSubmit')}</SubmitButton>
        </ValidatedForm>
      </section>
      <section aria-labelledby="reject-heading">
        <h2 id="reject-heading">{t('review.rejectHeading')}</h2>
        <ValidatedForm validated={reject}>
          <input type="hidden" name="intent" value="reject" />
          <TextAreaField
            form={reject.form}
            name="reason"
            required
            maxLength={REJECTION_REASON_MAX_LENGTH}
            rows={4}
            label={t('review.reason')}
            hint={t('review.reasonHint')}
            defaultValue={reply?.values?.reason}
          />
          <SubmitButton className="button">{t('review.rejectSubmit')}</SubmitButton>
        </ValidatedForm>
      </section>
    </>
  )
}
