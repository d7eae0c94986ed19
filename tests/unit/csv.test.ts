import { describe, expect, it } from 'vitest'

import { columnLetter } from '~/schemas/candidate-import'
import { detectDelimiter, parseCsv, UTF8_BOM, writeCsv } from '~/utils/csv'

function records(text: string) {
  const result = parseCsv(text)
  if (!result.ok) throw new Error(`unexpected ${result.error} in row ${result.row}`)
  return result.records
}

describe('parseCsv', () => {
  it('reads umlauts, Arabic and Chinese names unchanged', () => {
    expect(records('surname,givenNames\nMüller,Zoë\nالحداد,ليلى\n王,小明\n')).toEqual([
      ['surname', 'givenNames'],
      ['Müller', 'Zoë'],
      ['الحداد', 'ليلى'],
      ['王', '小明'],
    ])
  })

  it('keeps delimiters, doubled quotes and line breaks inside quoted fields', () => {
    expect(records('a,b,c\r\n"Berlin, Mitte","say ""hi""","line 1\r\nline 2"\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['Berlin, Mitte', 'say "hi"', 'line 1\r\nline 2'],
    ])
  })

  it('accepts CRLF, LF and lone CR line ends in one file', () => {
    expect(records('a\r\nb\nc\rd')).toEqual([['a'], ['b'], ['c'], ['d']])
  })

  it('strips the byte order mark Excel writes', () => {
    const [header] = records(`${UTF8_BOM}surname;givenNames\r\nMüller;Zoë\r\n`)
    expect(header).toEqual(['surname', 'givenNames'])
  })

  it('makes no record of the final line break, but keeps empty lines between rows', () => {
    expect(records('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ])
    expect(records('a,b\n\n1,2\n\n')).toEqual([['a', 'b'], [''], ['1', '2'], ['']])
    expect(records('')).toEqual([])
  })

  it('keeps empty fields, also at the end of a record', () => {
    expect(records('a;;c;\n;;;')).toEqual([
      ['a', '', 'c', ''],
      ['', '', '', ''],
    ])
    expect(records('"",x')).toEqual([['', 'x']])
  })

  it('reads a semicolon file as German Excel writes it, with commas inside cells', () => {
    const result = parseCsv(
      'Nachname;Land, in dem er erworben wurde;Ort\nMüller;"Jordanien; Amman";Köln, Deutz\n',
    )
    expect(result).toEqual({
      ok: true,
      delimiter: ';',
      records: [
        ['Nachname', 'Land, in dem er erworben wurde', 'Ort'],
        ['Müller', 'Jordanien; Amman', 'Köln, Deutz'],
      ],
    })
  })

  it('keeps a quote inside an unquoted field as a character', () => {
    expect(records('O"Neil,x')).toEqual([['O"Neil', 'x']])
  })

  it('reports a quote that is never closed with its row number', () => {
    expect(parseCsv('a,b\n1,2\n3,"open\n4,5\n')).toEqual({ ok: false, error: 'unclosedQuote', row: 3 })
  })
})

describe('detectDelimiter', () => {
  it('counts only the header line, outside quotes', () => {
    expect(detectDelimiter('a;b;c\n1,2,3,4,5\n')).toBe(';')
    expect(detectDelimiter('"a;b;c",d\n')).toBe(',')
    expect(detectDelimiter(`${UTF8_BOM}Nachname;Land, in dem er erworben wurde;Ort`)).toBe(';')
    expect(detectDelimiter('surname')).toBe(',')
  })
})

describe('writeCsv', () => {
  it('quotes fields with delimiters, quotes, line breaks or edge spaces, and ends lines with CRLF', () => {
    expect(writeCsv([['a', 'b, c', 'say "hi"', 'x\ny', ' pad', 'Zoë']])).toBe(
      'a,"b, c","say ""hi""","x\ny"," pad",Zoë\r\n',
    )
  })

  it('writes a semicolon file with a byte order mark', () => {
    const text = writeCsv(
      [
        ['Nachname', 'Vornamen'],
        ['Müller', 'Zoë'],
      ],
      { delimiter: ';', withBom: true },
    )
    expect(text).toBe(`${UTF8_BOM}Nachname;Vornamen\r\nMüller;Zoë\r\n`)
  })

  it('reads back what it wrote, whatever the content', () => {
    const written: string[][] = [
      ['surname', 'note'],
      ['الحداد', 'a "quoted", multi-line\r\nvalue; with both delimiters'],
      ['王', ''],
    ]
    for (const delimiter of [',', ';'] as const) {
      expect(parseCsv(writeCsv(written, { delimiter, withBom: true }))).toEqual({
        ok: true,
        delimiter,
        records: written,
      })
    }
  })
})

describe('columnLetter', () => {
  it('names columns the way spreadsheets do', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ])
  })
})
