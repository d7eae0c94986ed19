import { describe, expect, it } from 'vitest'

import { detectFileType, FILE_TYPE_SNIFF_BYTES, sanitizeFileName } from '~/utils/file-type'

function bytes(head: number[] | string, padTo = 16) {
  const start = typeof head === 'string' ? Array.from(Buffer.from(head, 'latin1')) : head
  return Uint8Array.from([...start, ...new Array<number>(Math.max(0, padTo - start.length)).fill(0x20)])
}

describe('detectFileType', () => {
  it('recognises PDF, JPEG and PNG by their magic bytes', () => {
    expect(detectFileType(bytes('%PDF-1.7\n'))).toBe('application/pdf')
    expect(detectFileType(bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]))).toBe('image/jpeg')
    expect(detectFileType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png')
  })

  it('needs no more than the first FILE_TYPE_SNIFF_BYTES bytes', () => {
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
    expect(FILE_TYPE_SNIFF_BYTES).toBe(8)
    expect(detectFileType(Uint8Array.from(png))).toBe('image/png')
  })

  it('refuses a Windows executable, whatever it is called', () => {
    expect(detectFileType(bytes([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]))).toBeNull()
  })

  it('refuses HTML, ZIP and plain text', () => {
    expect(detectFileType(bytes('<!DOCTYPE html><html>'))).toBeNull()
    expect(detectFileType(bytes('<html><script>alert(1)</script>'))).toBeNull()
    expect(detectFileType(bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]))).toBeNull()
    expect(detectFileType(bytes('Hello, world'))).toBeNull()
  })

  it('refuses a PNG signature that is cut short or altered in its last byte', () => {
    expect(detectFileType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b]))).toBeNull()
    expect(detectFileType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a]))).toBeNull()
  })

  it('refuses empty and too short inputs, even with a valid prefix', () => {
    expect(detectFileType(new Uint8Array())).toBeNull()
    expect(detectFileType(Uint8Array.from(Buffer.from('%PDF-')))).toBeNull()
    expect(detectFileType(Uint8Array.from([0xff, 0xd8, 0xff]))).toBeNull()
  })

  it('does not find a signature that starts later in the file', () => {
    expect(detectFileType(bytes(' %PDF-1.7'))).toBeNull()
  })
})

describe('sanitizeFileName', () => {
  it('keeps only the last part of a path', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd')
    expect(sanitizeFileName('/var/www/pass.pdf')).toBe('pass.pdf')
    expect(sanitizeFileName('C:\\Users\\Ana\\Documents\\Reisepass.pdf')).toBe('Reisepass.pdf')
    expect(sanitizeFileName('..\\..\\windows\\system32\\evil.pdf')).toBe('evil.pdf')
  })

  it('removes control characters and bidirectional overrides', () => {
    expect(sanitizeFileName('in\u0000voi\nce\u0007.pdf')).toBe('invoice.pdf')
    expect(sanitizeFileName('invoice\u202efdp.exe')).toBe('invoicefdp.exe')
    expect(sanitizeFileName('\u2066a\u2069b\u200f.png')).toBe('ab.png')
  })

  it('keeps umlauts, Arabic and spaces inside the name, and trims the ends', () => {
    expect(sanitizeFileName('  Zeugnis Müller – Übersetzung.pdf  ')).toBe('Zeugnis Müller – Übersetzung.pdf')
    expect(sanitizeFileName('جواز السفر.pdf')).toBe('جواز السفر.pdf')
  })

  it('composes decomposed umlauts as macOS sends them', () => {
    expect(sanitizeFileName('Mu\u0308ller.pdf')).toBe('Müller.pdf')
  })

  it('shortens a very long name to 120 characters and keeps its extension', () => {
    const result = sanitizeFileName(`${'a'.repeat(300)}.pdf`)
    expect(result).toHaveLength(120)
    expect(result.endsWith('.pdf')).toBe(true)
  })

  it('shortens a long Arabic name without splitting characters', () => {
    const result = sanitizeFileName(`${'ش'.repeat(200)}😀😀.jpeg`)
    expect(Array.from(result)).toHaveLength(120)
    expect(result.endsWith('.jpeg')).toBe(true)
    expect(result).not.toMatch(/\uFFFD/)
  })

  it('cuts a long name without a usable extension at 120 characters', () => {
    expect(sanitizeFileName('b'.repeat(500))).toBe('b'.repeat(120))
    expect(sanitizeFileName(`x.${'c'.repeat(200)}`)).toHaveLength(120)
  })

  it('names an empty or only-invisible name "document"', () => {
    expect(sanitizeFileName('')).toBe('document')
    expect(sanitizeFileName('   ')).toBe('document')
    expect(sanitizeFileName('\u202e\u0000')).toBe('document')
    expect(sanitizeFileName('uploads/')).toBe('document')
    expect(sanitizeFileName('..')).toBe('document')
  })
})
