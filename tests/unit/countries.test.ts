import { describe, expect, it } from 'vitest'

import { countryCodes, countryName, isCountryCode, listCountries } from '~/utils/countries'
import { supportedLanguages } from '~/utils/i18n'

describe('countries', () => {
  it('hold the 249 ISO 3166-1 alpha-2 codes plus Kosovo, each once', () => {
    expect(countryCodes).toHaveLength(250)
    expect(new Set(countryCodes).size).toBe(countryCodes.length)
    expect(countryCodes.every((code) => /^[A-Z]{2}$/.test(code))).toBe(true)
    expect(countryCodes).toEqual(expect.arrayContaining(['DE', 'IN', 'JO', 'XK']))
  })

  it('recognise codes exactly as stored', () => {
    expect(isCountryCode('IN')).toBe(true)
    expect(isCountryCode('XK')).toBe(true)
    expect(isCountryCode('in')).toBe(false)
    expect(isCountryCode('XX')).toBe(false)
    expect(isCountryCode('India')).toBe(false)
    expect(isCountryCode(undefined)).toBe(false)
  })

  it('name countries in the reader’s language', () => {
    expect(countryName('IN', 'de')).toBe('Indien')
    expect(countryName('IN', 'en')).toBe('India')
    expect(countryName('IN', 'ar')).toBe('الهند')
    expect(countryName('DE', 'de')).toBe('Deutschland')
  })

  it.each(supportedLanguages)('have a real name for every code in %s', (language) => {
    const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' })
    const unnamed = countryCodes.filter((code) => !names.of(code) || names.of(code) === code)
    expect(unnamed).toEqual([])
  })

  it.each(supportedLanguages)('list every country sorted by its name in %s', (language) => {
    const countries = listCountries(language)
    expect(countries.map((country) => country.code).sort()).toEqual([...countryCodes].sort())
    const collator = new Intl.Collator(language)
    for (let index = 1; index < countries.length; index++) {
      expect(collator.compare(countries[index - 1]!.name, countries[index]!.name)).toBeLessThanOrEqual(0)
    }
  })

  it('sort by the language’s rules, not by code or byte order', () => {
    const german = listCountries('de').map((country) => country.name)
    // German sorts "Ä" with "A": Ägypten comes between Afghanistan and Albanien, not after Zypern.
    expect(german.indexOf('Ägypten')).toBeGreaterThan(german.indexOf('Afghanistan'))
    expect(german.indexOf('Ägypten')).toBeLessThan(german.indexOf('Albanien'))
    expect(listCountries('en')[0]).toEqual({ code: 'AF', name: 'Afghanistan' })
  })
})
