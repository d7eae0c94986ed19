import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { type AddressInfo } from 'node:net'
import { buffer } from 'node:stream/consumers'

type StoredObject = { body: Buffer; modifiedAt: Date }

/**
 * Just enough of the S3 REST API, path-style, for the storage driver: single PUT, multipart uploads, GET,
 * DELETE and ListObjectsV2 paged two keys at a time (so the driver's pagination is exercised).
 */
export async function startFakeS3(bucket: string) {
  const objects = new Map<string, StoredObject>()
  const uploads = new Map<string, Map<number, Buffer>>()
  let multipartUploadsStarted = 0

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://fake-s3')
    const [, requestedBucket, ...keyParts] = url.pathname.split('/')
    const key = decodeURIComponent(keyParts.join('/'))
    const query = url.searchParams
    if (requestedBucket !== bucket) return reply(response, 404, error('NoSuchBucket'))
    const body = await buffer(request)

    if (request.method === 'GET' && key === '') return reply(response, 200, listing(query))
    if (request.method === 'POST' && query.has('uploads')) {
      const uploadId = randomUUID()
      uploads.set(uploadId, new Map())
      multipartUploadsStarted += 1
      return reply(
        response,
        200,
        xml('InitiateMultipartUploadResult', { Bucket: bucket, Key: key, UploadId: uploadId }),
      )
    }
    const uploadId = query.get('uploadId')
    if (uploadId !== null) {
      const parts = uploads.get(uploadId)
      if (!parts) return reply(response, 404, error('NoSuchUpload'))
      if (request.method === 'PUT') {
        parts.set(Number(query.get('partNumber')), body)
        response.setHeader('ETag', `"part-${query.get('partNumber')}"`)
        return reply(response, 200, '')
      }
      uploads.delete(uploadId)
      if (request.method === 'DELETE') return reply(response, 204, '')
      const ordered = [...parts.entries()].sort(([a], [b]) => a - b).map(([, part]) => part)
      objects.set(key, { body: Buffer.concat(ordered), modifiedAt: new Date() })
      return reply(
        response,
        200,
        xml('CompleteMultipartUploadResult', { Bucket: bucket, Key: key, ETag: '"done"' }),
      )
    }
    if (request.method === 'PUT') {
      objects.set(key, { body, modifiedAt: new Date() })
      response.setHeader('ETag', '"single"')
      return reply(response, 200, '')
    }
    if (request.method === 'DELETE') {
      objects.delete(key)
      return reply(response, 204, '')
    }
    const object = objects.get(key)
    if (!object) return reply(response, 404, error('NoSuchKey'))
    response.writeHead(200, {
      'Content-Length': object.body.length,
      'Content-Type': 'application/octet-stream',
    })
    response.end(object.body)
  }

  function listing(query: URLSearchParams) {
    const keys = [...objects.keys()].sort()
    const start = Number(query.get('continuation-token') ?? 0)
    const page = keys.slice(start, start + 2)
    const isTruncated = start + 2 < keys.length
    const contents = page
      .map((key) => {
        const { body, modifiedAt } = objects.get(key) as StoredObject
        const fields = { Key: key, LastModified: modifiedAt.toISOString(), Size: String(body.length) }
        return xml('Contents', fields, false)
      })
      .join('')
    const summary = `<Name>${bucket}</Name><KeyCount>${page.length}</KeyCount><IsTruncated>${isTruncated}</IsTruncated>`
    const next = isTruncated ? `<NextContinuationToken>${start + 2}</NextContinuationToken>` : ''
    return `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult>${summary}${contents}${next}</ListBucketResult>`
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((caught: unknown) => reply(response, 500, error(String(caught))))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    /** Multipart uploads started and neither completed nor aborted. */
    openUploads: () => uploads.size,
    multipartUploadsStarted: () => multipartUploadsStarted,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

function escape(text: string) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function xml(root: string, fields: Record<string, string>, withDeclaration = true) {
  const inner = Object.entries(fields)
    .map(([name, value]) => `<${name}>${escape(value)}</${name}>`)
    .join('')
  return `${withDeclaration ? '<?xml version="1.0" encoding="UTF-8"?>' : ''}<${root}>${inner}</${root}>`
}

function error(code: string) {
  return xml('Error', { Code: code, Message: code })
}

function reply(response: ServerResponse, status: number, body: string) {
  if (body) response.setHeader('Content-Type', 'application/xml')
  response.writeHead(status)
  response.end(body)
}
