import { Fragment, type ReactNode } from 'react'

/**
 * A message as its author typed it: paragraphs and line breaks kept, web addresses made into links.
 * Nothing in the text is markup: React escapes it, and only an http(s) address becomes a link, so
 * `<script>`, `javascript:` or `data:` addresses stay visible text.
 */
export function MessageBody({ body }: { body: string }) {
  return (
    <div className="message-body">
      {body.split(/\n{2,}/).map((paragraph, index) => (
        <p key={index}>
          {paragraph.split('\n').map((line, lineIndex) => (
            <Fragment key={lineIndex}>
              {lineIndex > 0 ? <br /> : null}
              {linkify(line)}
            </Fragment>
          ))}
        </p>
      ))}
    </div>
  )
}

const WEB_ADDRESS = /\bhttps?:\/\/[^\s<>"']+/gi
/** Punctuation that ends a sentence rather than the address: "see https://example.org/a." */
const TRAILING_PUNCTUATION = /[.,;:!?)\]}»“”]+$/

function safeWebAddress(candidate: string): string | null {
  try {
    const url = new URL(candidate)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

function linkify(line: string): ReactNode[] {
  const parts: ReactNode[] = []
  let rest = 0
  for (const match of line.matchAll(WEB_ADDRESS)) {
    const address = match[0].replace(TRAILING_PUNCTUATION, '')
    const href = safeWebAddress(address)
    if (!href) continue
    if (match.index > rest) parts.push(line.slice(rest, match.index))
    parts.push(
      // same tab, no referrer: the portal's addresses (with case ids) are not passed to other sites
      <a key={match.index} href={href} rel="noopener noreferrer nofollow">
        {address}
      </a>,
    )
    rest = match.index + address.length
  }
  if (rest < line.length) parts.push(line.slice(rest))
  return parts
}
