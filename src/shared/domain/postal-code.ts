/** Postal code formats for the countries Bring ships from most; others get a loose check. */
const formats: Record<string, { pattern: RegExp; example: string }> = {
  NO: { pattern: /^\d{4}$/, example: '0150' },
  SJ: { pattern: /^\d{4}$/, example: '9170' },
  DK: { pattern: /^\d{4}$/, example: '2100' },
  SE: { pattern: /^\d{3} ?\d{2}$/, example: '114 55' },
  FI: { pattern: /^\d{5}$/, example: '00100' }
}

/** null when valid, else a message a person understands. */
export function postalCodeProblem(countryCode: string, postalCode: string): string | null {
  const code = postalCode.trim()
  if (code === '') return 'Enter a postal code'
  const f = formats[countryCode.toUpperCase()]
  if (f) return f.pattern.test(code) ? null : `A postal code in ${countryCode.toUpperCase()} looks like ${f.example}`
  return /^[A-Za-z0-9 -]{2,10}$/.test(code) ? null : 'Enter a valid postal code'
}

export const countryCodes = ['NO', 'SE', 'DK', 'FI', 'SJ', 'DE', 'NL', 'GB', 'PL', 'FR', 'US'] as const
