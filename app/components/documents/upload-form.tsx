import { Form, useNavigation, useRevalidator } from '@remix-run/react'
import { useEffect, useId, useRef, useState, useSyncExternalStore, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { translateMessage } from '~/components/form'
import { allowedMimeTypes, detectFileType, FILE_TYPE_SNIFF_BYTES } from '~/utils/file-type'
import { message } from '~/utils/validation'

/** The refusal of the last upload of this item, as the action answered it (an i18n message). */
export type UploadProblemReply = { requirement: string | null; message: string; uploadedCount: number }

type SendResult = { ok: true } | { ok: false; message: string }

/**
 * Upload of one or more files for one checklist item. Without JavaScript a plain multipart form; with it,
 * files may also be dropped on the zone, and each file is sent on its own with a real progress bar. The
 * server checks everything again; the browser only spares the wait for a file it can already tell is wrong.
 */
export function UploadForm({
  requirement,
  documentName,
  maxBytes,
  megabytes,
  problem,
}: {
  requirement: string
  documentName: string
  maxBytes: number
  megabytes: number
  problem: UploadProblemReply | null
}) {
  const { t } = useTranslation('documents')
  const { t: translate } = useTranslation()
  const id = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const revalidator = useRevalidator()
  const navigation = useNavigation()
  const zoneRef = useRef<HTMLDivElement>(null)
  const isHydrated = useSyncExternalStore(subscribeToNothing, isClient, isServer)
  const [progress, setProgress] = useState<number | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const isBusy =
    progress !== null ||
    (navigation.state !== 'idle' && navigation.formData?.get('requirement') === requirement)
  const serverProblem =
    problem?.requirement === requirement ? translateMessage(translate, problem.message) : null
  const errorText = error ?? serverProblem
  const describedBy = [`${id}-hint`, errorText ? `${id}-error` : null].filter(Boolean).join(' ')

  async function refusalBeforeSending(file: File) {
    if (file.size === 0) return t('errors.empty')
    if (file.size > maxBytes)
      return translateMessage(translate, message('documents:errors.tooLarge', { megabytes }))
    const head = new Uint8Array(await file.slice(0, FILE_TYPE_SNIFF_BYTES).arrayBuffer())
    return detectFileType(head) ? null : t('errors.unsupportedType')
  }

  function send(file: File): Promise<SendResult> {
    return new Promise((resolve) => {
      const body = new FormData()
      body.append('requirement', requirement)
      body.append('file', file)
      const request = new XMLHttpRequest()
      // the route is an index route: `?index` sends the post to its action, not to its parent's
      request.open('POST', `${window.location.pathname}?index`)
      request.upload.onprogress = (event) => {
        if (event.lengthComputable) setProgress(Math.round((event.loaded / event.total) * 100))
      }
      request.onload = () => {
        if (request.status < 400) return resolve({ ok: true })
        // the answer is the page with the translated refusal in it
        const page = new DOMParser().parseFromString(request.responseText, 'text/html')
        const refusal = page.querySelector(
          `[data-upload-problem="${requirement}"], [data-upload-problem=""]`,
        )?.textContent
        resolve({ ok: false, message: refusal || t('errors.uploadFailed') })
      }
      request.onerror = () => resolve({ ok: false, message: t('errors.uploadFailed') })
      request.send(body)
    })
  }

  async function upload(files: File[]) {
    if (isBusy) return
    if (files.length === 0) return setError(t('errors.noFile'))
    setError(null)
    setNotice(null)
    let uploaded = 0
    for (const file of files) {
      const refusal = await refusalBeforeSending(file)
      const result: SendResult = refusal ? { ok: false, message: refusal } : await send(file)
      if (!result.ok) {
        setError(t('upload.fileRefused', { name: file.name, message: result.message }))
        break
      }
      uploaded += 1
    }
    setProgress(null)
    if (uploaded > 0) {
      setNotice(t('upload.done', { count: uploaded }))
      if (inputRef.current) inputRef.current.value = ''
      revalidator.revalidate()
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    void upload(Array.from(inputRef.current?.files ?? []))
  }

  const uploadRef = useRef(upload)
  useEffect(() => {
    uploadRef.current = upload
  })
  // Dropping is a mouse shortcut next to the file input, which keyboard and screen reader users use.
  useEffect(() => {
    const zone = zoneRef.current
    if (!zone) return
    const highlight = (event: DragEvent) => {
      event.preventDefault()
      zone.classList.add('drop-zone-active')
    }
    const unhighlight = () => zone.classList.remove('drop-zone-active')
    const drop = (event: DragEvent) => {
      event.preventDefault()
      unhighlight()
      void uploadRef.current(Array.from(event.dataTransfer?.files ?? []))
    }
    zone.addEventListener('dragover', highlight)
    zone.addEventListener('dragleave', unhighlight)
    zone.addEventListener('drop', drop)
    return () => {
      zone.removeEventListener('dragover', highlight)
      zone.removeEventListener('dragleave', unhighlight)
      zone.removeEventListener('drop', drop)
    }
  }, [isHydrated])

  return (
    <Form method="post" encType="multipart/form-data" onSubmit={isHydrated ? onSubmit : undefined}>
      <input type="hidden" name="requirement" value={requirement} />
      {errorText ? (
        <div className="form-error" role="alert" id={`${id}-error`}>
          <p data-upload-problem={requirement}>{errorText}</p>
          {!error && problem && problem.uploadedCount > 0 ? (
            <p>{t('upload.keptBefore', { count: problem.uploadedCount })}</p>
          ) : null}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={id}>{t('upload.label', { document: documentName })}</label>
        <p className="field-hint" id={`${id}-hint`}>
          {t('upload.hint', { megabytes })}
        </p>
        <input
          ref={inputRef}
          id={id}
          type="file"
          name="file"
          multiple
          accept={allowedMimeTypes.join(',')}
          aria-invalid={errorText ? true : undefined}
          aria-describedby={describedBy}
        />
      </div>
      {isHydrated ? (
        <div
          ref={zoneRef}
          role="region"
          aria-label={t('upload.dropZoneLabel', { document: documentName })}
          className="drop-zone"
        >
          <p>{t('upload.dropZone')}</p>
        </div>
      ) : null}
      <button type="submit" className="button button-primary" disabled={isBusy}>
        {t('upload.submit')}
      </button>
      <div role="status">
        {progress !== null ? (
          <p>
            <progress max={100} value={progress} aria-label={t('upload.progress', { percent: progress })} />{' '}
            {t('upload.uploading')}
          </p>
        ) : null}
        {notice ? <p>{notice}</p> : null}
      </div>
    </Form>
  )
}

const subscribeToNothing = () => () => {}
const isClient = () => true
const isServer = () => false
