import { Readable } from 'node:stream'

import type { DocumentFile } from '~/models/document.server'

import { DocumentCorrupted } from './document-store.server'
import { getLocale, getTranslator } from './i18n.server'
import { notFound } from './permissions.server'
import { StorageNotFound } from './storage.server'

/**
 * A PDF shown inside the portal runs in an opaque origin without scripts, forms or plugins of its own: a
 * crafted PDF cannot act with the reader's session.
 */
const PREVIEW_POLICY =
  "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'"

/** RFC 6266 / RFC 5987: an ASCII fallback and the exact UTF-8 name. */
function contentDisposition(kind: 'inline' | 'attachment', name: string) {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_')
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`
}

/**
 * The decrypted file as the answer of an authorized route: never cached, never sniffed into another type,
 * and a download unless the reader previews it.
 */
export function documentFileResponse(file: DocumentFile, { isInline }: { isInline: boolean }) {
  const headers = new Headers({
    'Content-Type': file.mimeType,
    'Content-Length': String(file.size),
    'Content-Disposition': contentDisposition(isInline ? 'inline' : 'attachment', file.originalName),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  })
  if (isInline) headers.set('Content-Security-Policy', PREVIEW_POLICY)
  return new Response(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, { headers })
}

/** `?inline=1` asks for a preview. */
export function isInlineRequest(request: Request) {
  return new URL(request.url).searchParams.get('inline') === '1'
}

/**
 * Opens and serves one file. A file that fails its integrity check, or is missing from storage, is never
 * served: the reader gets a translated explanation instead, and the log only the document's failure kind.
 */
export async function serveDocumentFile(
  request: Request,
  open: () => Promise<DocumentFile | null>,
  options: { isInline: boolean },
) {
  try {
    const file = (await open()) ?? notFound()
    return documentFileResponse(file, options)
  } catch (error) {
    if (!(error instanceof DocumentCorrupted || error instanceof StorageNotFound)) throw error
    console.error(`document file unreadable: ${error.name}`)
    const t = await getTranslator(await getLocale(request))
    return new Response(t('documents:errors.fileUnreadable'), {
      status: 500,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    })
  }
}
