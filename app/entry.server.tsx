import { PassThrough } from 'node:stream'

import { createReadableStreamFromReadable, type EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { createInstance } from 'i18next'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'

import { i18nOptions } from './utils/i18n'
import { getLocale, getResources } from './utils/i18n.server'
import { NonceProvider } from './utils/nonce'

export const streamTimeout = 5_000

/** The server process starts the scheduled jobs from the build, so they share its database pool. */
export { startScheduledJobs } from './utils/jobs.server'

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: { cspNonce?: string } = {},
) {
  const instance = createInstance()
  await instance
    .use(initReactI18next)
    .init({ ...i18nOptions, lng: await getLocale(request), resources: getResources() })
  const nonce = loadContext.cspNonce ?? ''
  const readyEvent =
    isbot(request.headers.get('user-agent')) || remixContext.isSpaMode ? 'onAllReady' : 'onShellReady'

  return new Promise((resolve, reject) => {
    let didError = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={instance}>
          <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: didError ? 500 : responseStatusCode,
            }),
          )
          pipe(body)
        },
        onShellError: reject,
        onError(error: unknown) {
          didError = true
          console.error(error)
        },
      },
    )
    setTimeout(abort, streamTimeout + 1_000)
  })
}
