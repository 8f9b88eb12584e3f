import { describe, expect, it } from 'vitest'
import { formatTimestamp, hashToken, newToken, parseId, randomId, snowflakeId, timestamp } from './ids.ts'

describe('ids, tokens and timestamps', () => {
  it('makes 16-hex, non-zero, increasing snowflake IDs and random IDs without unsafe bytes', () => {
    const ids = Array.from({ length: 5000 }, snowflakeId)
    expect(ids.every((id) => /^[0-9a-f]{16}$/.test(id))).toBe(true)
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
    for (let i = 0; i < 200; i++) {
      const id = randomId()
      expect(id).toMatch(/^[0-9a-f]{16}$/)
      expect(Buffer.from(id, 'hex').some((b) => b === 0x5c || b === 0x2c || b === 0x20)).toBe(false)
    }
  })

  it('parses IDs like InfluxDB', () => {
    expect(parseId('0A3F9C1E7B2D4000')).toBe('0a3f9c1e7b2d4000')
    expect(() => parseId('abc')).toThrow('id must have a length of 16 bytes')
    expect(() => parseId('zzzzzzzzzzzzzzzz')).toThrow('invalid ID')
    expect(() => parseId('0000000000000000')).toThrow('invalid ID')
  })

  it('makes 88-character base64url tokens with padding and hashes them', () => {
    const token = newToken()
    expect(token).toMatch(/^[A-Za-z0-9_-]{86}==$/)
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('formats Go-style RFC 3339 nanosecond timestamps that increase and parse', () => {
    expect(formatTimestamp(1_741_083_072_345_678_901n)).toBe('2025-03-04T10:11:12.345678901Z')
    const a = timestamp()
    const b = timestamp()
    expect(a < b).toBe(true)
    expect(Number.isNaN(new Date(a).getTime())).toBe(false)
  })
})
