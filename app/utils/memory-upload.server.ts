import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from '@remix-run/node'

/** Room for the multipart boundaries and part headers around the file itself. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024

export type SmallUpload =
  { ok: true; bytes: Uint8Array } | { ok: false; reason: 'missing' | 'tooLarge' | 'unreadable' }

export function isMultipart(request: Request) {
  return (request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')
}

/**
 * One small file from a multipart form, held in memory (a CSV list, not a document: those stream to
 * storage). A body announced larger than the limit is refused before it is read; other form fields
 * are skipped.
 */
export async function readSmallUpload(
  request: Request,
  field: string,
  maxBytes: number,
): Promise<SmallUpload> {
  if (Number(request.headers.get('Content-Length') ?? 0) > maxBytes + MULTIPART_OVERHEAD_BYTES) {
    return { ok: false, reason: 'tooLarge' }
  }
  let formData: FormData
  try {
    formData = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: maxBytes, filter: ({ name }) => name === field }),
    )
  } catch (error) {
    // anything else is a body the browser did not send as a form: malformed or cut off
    return { ok: false, reason: error instanceof MaxPartSizeExceededError ? 'tooLarge' : 'unreadable' }
  }
  const file = formData.get(field)
  // a file input left empty still sends a part, with an empty file name
  if (!(file instanceof File) || file.name === '') return { ok: false, reason: 'missing' }
  return { ok: true, bytes: new Uint8Array(await file.arrayBuffer()) }
}
