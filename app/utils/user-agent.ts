/** Browser and operating system named in a User-Agent header, for the session list. */
export type DeviceSummary = { browser: string; os: string }

// Order matters: Edge and Opera also claim to be Chrome, Chrome also claims to be Safari.
const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/(?:OPR|Opera)\/(\d+)/, 'Opera'],
  [/SamsungBrowser\/(\d+)/, 'Samsung Internet'],
  [/(?:Firefox|FxiOS)\/(\d+)/, 'Firefox'],
  [/(?:Chrome|CriOS)\/(\d+)/, 'Chrome'],
  [/Version\/(\d+)[^ ]* (?:Mobile\/\S+ )?Safari\//, 'Safari'],
]

const SYSTEMS: [RegExp, string][] = [
  [/iPhone/, 'iPhone'],
  [/iPad/, 'iPad'],
  [/Android/, 'Android'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
]

export function summarizeUserAgent(userAgent: string | null | undefined): DeviceSummary | null {
  if (!userAgent) return null
  const browserMatch = BROWSERS.map(([pattern, name]) => ({ match: userAgent.match(pattern), name })).find(
    (candidate) => candidate.match,
  )
  const os = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1]
  if (!browserMatch || !os) return null
  return { browser: `${browserMatch.name} ${browserMatch.match![1]}`, os }
}
