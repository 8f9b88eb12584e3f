import { describe, expect, it } from 'vitest'
import { formatDateTime, formatRelative } from './time'

describe('formatDateTime', () => {
  it('formats a nanosecond RFC 3339 time in local time, zero-padded', () => {
    const iso = '2025-03-04T05:06:07.123456789Z'
    const local = new Date(iso)
    const expected = `${local.getFullYear()}-03-0${local.getDate()} ${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}:07`
    expect(formatDateTime(iso)).toBe(expected)
  })

  // The token filter looks in displayed dates only for queries made of these characters.
  it('writes only digits, spaces, hyphens and colons', () => {
    for (const iso of ['2025-03-04T05:06:07.123456789Z', '1999-12-31T23:59:59+14:00', '2030-07-01T00:00:00Z']) expect(formatDateTime(iso)).toMatch(/^[\d :-]+$/)
  })

  it('returns unparseable input unchanged', () => {
    expect(formatDateTime('not a date')).toBe('not a date')
  })
})

describe('formatRelative', () => {
  const now = Date.parse('2026-01-10T12:00:00Z')
  it('says how long ago in the largest whole unit', () => {
    expect(formatRelative('2026-01-07T12:00:00Z', now)).toBe('3 days ago')
    expect(formatRelative('2026-01-10T10:00:00Z', now)).toBe('2 hours ago')
    expect(formatRelative('2026-01-10T12:00:00Z', now)).toBe('now')
  })
})
