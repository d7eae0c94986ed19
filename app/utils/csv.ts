/**
 * CSV as RFC 4180 describes it, plus what spreadsheets actually write: a UTF-8 byte order mark, LF or
 * CR line ends, and a semicolon as delimiter where the comma is the decimal sign (German Excel).
 */

export const UTF8_BOM = '\uFEFF'

export type CsvDelimiter = ',' | ';'

export type CsvParseResult =
  | { ok: true; delimiter: CsvDelimiter; records: string[][] }
  /** `row` counts records from 1, the way a spreadsheet numbers its rows. */
  | { ok: false; error: 'unclosedQuote'; row: number }

function withoutBom(text: string) {
  return text.startsWith(UTF8_BOM) ? text.slice(1) : text
}

/** The delimiter the first record uses more often outside quotes; a comma when it has neither. */
export function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0
  let semicolons = 0
  let isQuoted = false
  for (const char of withoutBom(text)) {
    if (char === '"') isQuoted = !isQuoted
    else if (isQuoted) continue
    else if (char === '\n' || char === '\r') break
    else if (char === ',') commas += 1
    else if (char === ';') semicolons += 1
  }
  return semicolons > commas ? ';' : ','
}

/**
 * Every record with its fields as written. An empty line is a record with one empty field (it keeps
 * the numbering of the rows after it); the line break that ends the file makes no record.
 * A quote inside an unquoted field is kept as a character, as spreadsheets do.
 */
export function parseCsv(input: string, delimiter: CsvDelimiter = detectDelimiter(input)): CsvParseResult {
  const text = withoutBom(input)
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let isAtFieldStart = true
  let isQuoted = false
  let quoteOpenedInRecord = 0
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!
    if (isQuoted) {
      if (char !== '"') field += char
      else if (text[index + 1] === '"') {
        field += '"'
        index += 1
      } else isQuoted = false
      continue
    }
    if (char === '"' && isAtFieldStart) {
      isQuoted = true
      isAtFieldStart = false
      quoteOpenedInRecord = records.length + 1
    } else if (char === delimiter) {
      record.push(field)
      field = ''
      isAtFieldStart = true
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1
      record.push(field)
      records.push(record)
      record = []
      field = ''
      isAtFieldStart = true
    } else {
      field += char
      isAtFieldStart = false
    }
  }
  if (isQuoted) return { ok: false, error: 'unclosedQuote', row: quoteOpenedInRecord }
  const endsWithLineBreak = isAtFieldStart && record.length === 0
  if (!endsWithLineBreak) {
    record.push(field)
    records.push(record)
  }
  return { ok: true, delimiter, records }
}

const NEEDS_QUOTES = /[",;\r\n]|^\s|\s$/

/**
 * Records as CSV with CRLF line ends (RFC 4180), fields quoted where needed. Meant for text the portal
 * writes itself (the import template): a cell starting with = + - @ is not neutralised against
 * spreadsheet formulas, which an export of user data would need.
 */
export function writeCsv(
  records: readonly (readonly string[])[],
  { delimiter = ',', withBom = false }: { delimiter?: CsvDelimiter; withBom?: boolean } = {},
) {
  const lines = records.map((record) =>
    record
      .map((field) => (NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field))
      .join(delimiter),
  )
  return `${withBom ? UTF8_BOM : ''}${lines.map((line) => `${line}\r\n`).join('')}`
}
