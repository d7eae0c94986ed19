import type { ReactNode } from 'react'

/** The frame of every email: inline styles only, as email clients ignore stylesheets. */
export function EmailLayout({
  lang,
  dir,
  title,
  footer,
  children,
}: {
  lang: string
  dir: 'ltr' | 'rtl'
  title: string
  footer: string
  children: ReactNode
}) {
  return (
    <html lang={lang} dir={dir}>
      <head>
        <meta charSet="utf-8" />
        <title>{title}</title>
      </head>
      <body style={{ fontFamily: 'Arial, sans-serif', color: '#1b1f24', lineHeight: 1.5, margin: 0 }}>
        <div style={{ background: '#0b4f6c', color: '#ffffff', padding: '16px 24px', fontWeight: 700 }}>
          {title}
        </div>
        <div style={{ padding: '24px' }}>{children}</div>
        <div
          style={{ padding: '16px 24px', color: '#4a5561', fontSize: '13px', borderTop: '1px solid #d0d5db' }}
        >
          {footer}
        </div>
      </body>
    </html>
  )
}
