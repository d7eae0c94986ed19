import { unstable_parseMultipartFormData, type UploadHandler } from '@remix-run/node'

import { uploadDocument, type DocumentCase, type UploadFailure } from '~/models/document.server'

import { uploadMaxBytes } from './env.server'
import { isMultipart } from './memory-upload.server'
import { message } from './validation'

/** Several files may go in one form post; each becomes its own version. */
export const MAX_FILES_PER_UPLOAD = 10
/** Room for the multipart boundaries, part headers and the requirement field around the files. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024
/** The requirement key is a short identifier; a longer field is not our form. */
const MAX_FIELD_BYTES = 200

export type UploadAnswer =
  | { ok: true; count: number }
  | { ok: false; status: 400 | 413; message: string; requirement: string | null; uploadedCount: number }

type Refusal = UploadFailure | 'noFile' | 'tooMany' | 'unreadable' | 'noRequirement'

class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal)
  }
}

/** The size limit in megabytes as the messages show it. */
export function uploadMaxMegabytes() {
  return Math.round((uploadMaxBytes() / (1024 * 1024)) * 100) / 100
}

function answerFor(refusal: Refusal): { status: 400 | 413; message: string } {
  if (refusal === 'tooLarge') {
    return { status: 413, message: message('documents:errors.tooLarge', { megabytes: uploadMaxMegabytes() }) }
  }
  if (refusal === 'tooMany') {
    return { status: 400, message: message('documents:errors.tooMany', { count: MAX_FILES_PER_UPLOAD }) }
  }
  return { status: 400, message: `documents:errors.${refusal}` }
}

async function readText(data: AsyncIterable<Uint8Array>) {
  const decoder = new TextDecoder()
  let text = ''
  let size = 0
  for await (const chunk of data) {
    size += chunk.byteLength
    if (size > MAX_FIELD_BYTES) throw new Refused('unreadable')
    text += decoder.decode(chunk, { stream: true })
  }
  return text + decoder.decode()
}

/**
 * Streams the files of a multipart form post (fields `requirement`, then `file`, one or more) one after the
 * other into storage as new versions of that requirement; no file is ever held in memory. The first refused
 * file ends the request: files before it are kept, the rest of the body is not read. A body announced
 * larger than the files could be is refused before it is read.
 */
export async function receiveDocumentUploads(
  request: Request,
  user: { id: string },
  kase: DocumentCase,
): Promise<UploadAnswer> {
  let requirement: string | null = null
  let uploadedCount = 0
  const refuse = (refusal: Refusal): UploadAnswer => ({
    ok: false,
    ...answerFor(refusal),
    requirement,
    uploadedCount,
  })
  if (!isMultipart(request)) return refuse('noFile')
  const announced = Number(request.headers.get('Content-Length') ?? 0)
  if (announced > uploadMaxBytes() * MAX_FILES_PER_UPLOAD + MULTIPART_OVERHEAD_BYTES)
    return refuse('tooLarge')
  let unexpected: unknown
  let fileCount = 0
  const handler: UploadHandler = async ({ name, filename, contentType, data }) => {
    try {
      if (filename === undefined) {
        const value = await readText(data)
        if (name === 'requirement') requirement = value
        return undefined
      }
      // a file input left empty still sends a part, with an empty file name and no content
      if (filename === '' || name !== 'file') {
        await readText(data)
        return undefined
      }
      if (!requirement) throw new Refused('noRequirement')
      if (++fileCount > MAX_FILES_PER_UPLOAD) throw new Refused('tooMany')
      const result = await uploadDocument(user, kase, requirement, {
        name: filename,
        contentType,
        content: data,
      })
      if (!result.ok) throw new Refused(result.problem)
      uploadedCount += 1
      return undefined
    } catch (error) {
      if (!(error instanceof Refused)) unexpected = error
      throw error
    }
  }
  try {
    await unstable_parseMultipartFormData(request, handler)
  } catch (error) {
    if (error instanceof Refused) return refuse(error.refusal)
    // a browser that gave up mid-file: the store has already removed what it had written
    if (error === unexpected && !request.signal.aborted) throw error
    // anything else is a body the browser did not send as a form: malformed or cut off
    return refuse('unreadable')
  }
  return uploadedCount > 0 ? { ok: true, count: uploadedCount } : refuse('noFile')
}
