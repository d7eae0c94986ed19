import type { TFunction } from 'i18next'
import { Fragment, type ReactNode } from 'react'

/** A block of long text from the locale files: `{ heading, paragraphs?, items?, closing? }`. */
export type SectionText = { heading: string; paragraphs: string[]; items: string[]; closing: string[] }

export type TermText = { term: string; description: string }

type Values = Readonly<Record<string, string>>

function lookUp(t: TFunction, key: string, values: Values): unknown {
  return t(key, { ...values, returnObjects: true })
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

/** Reads a section; a missing key shows the key itself as the heading, so it cannot go unnoticed. */
export function readSection(t: TFunction, key: string, values: Values = {}): SectionText {
  const section = asRecord(lookUp(t, key, values))
  return {
    heading: typeof section.heading === 'string' ? section.heading : key,
    paragraphs: asStrings(section.paragraphs),
    items: asStrings(section.items),
    closing: asStrings(section.closing),
  }
}

/** Reads a list of paragraphs. */
export function readStrings(t: TFunction, key: string, values: Values = {}): string[] {
  return asStrings(lookUp(t, key, values))
}

/** Reads a list of `{ term, description }` pairs, e.g. for a description list. */
export function readTerms(t: TFunction, key: string, values: Values = {}): TermText[] {
  const value = lookUp(t, key, values)
  return (Array.isArray(value) ? value : [])
    .map(asRecord)
    .flatMap(({ term, description }) =>
      typeof term === 'string' && typeof description === 'string' ? [{ term, description }] : [],
    )
}

export function Paragraphs({ texts }: { texts: string[] }) {
  return texts.map((text, index) => <p key={index}>{text}</p>)
}

type ContentSectionProps = {
  content: SectionText
  id?: string
  headingLevel?: 2 | 3
  isOrdered?: boolean
  /** Shown after the text, e.g. an address or a table. */
  children?: ReactNode
}

/** Heading, paragraphs, a list and closing paragraphs: the building block of the public pages. */
export function ContentSection({
  content,
  id,
  headingLevel = 2,
  isOrdered = false,
  children,
}: ContentSectionProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const List = isOrdered ? 'ol' : 'ul'
  return (
    <section id={id} className="content-section">
      <Heading>{content.heading}</Heading>
      <Paragraphs texts={content.paragraphs} />
      {content.items.length > 0 ? (
        <List>
          {content.items.map((item, index) => (
            <li key={index}>{item}</li>
          ))}
        </List>
      ) : null}
      <Paragraphs texts={content.closing} />
      {children}
    </section>
  )
}

/** A description list of terms, e.g. "at a glance" facts. */
export function TermList({ terms }: { terms: TermText[] }) {
  return (
    <dl className="details">
      {terms.map(({ term, description }) => (
        <Fragment key={term}>
          <dt>{term}</dt>
          <dd>{description}</dd>
        </Fragment>
      ))}
    </dl>
  )
}
