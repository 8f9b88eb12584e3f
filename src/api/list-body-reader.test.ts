import { afterEach, describe, expect, it, vi } from 'vitest'
import { ListBodyReader } from './list-body-reader'

// That it reads what JSON.parse reads, whatever the body, is tested with the normaliser
// (normalise-authorizations.test.ts); here: that a list is read while it arrives.

const tokens = Array.from({ length: 50 }, (_, n) => ({
  id: n.toString(16).padStart(16, '0'),
  description: n % 2 ? `quotes " and \\ backslashes, },{"id":" and ]} ${n}` : `Télégraf 日本 💾 ${n}`,
  permissions: [{ action: 'read', resource: { type: 'buckets', id: '0000000000000001', orgID: '0000000000000002' } }],
  links: { self: `/api/v2/authorizations/${n}` },
}))
const body = { links: { self: '/api/v2/authorizations' }, authorizations: tokens }

afterEach(() => vi.restoreAllMocks())

describe('ListBodyReader', () => {
  it.each([
    ['compact', JSON.stringify(body)],
    ['indented', JSON.stringify(body, null, 2)],
    ['tab-indented, as InfluxDB writes it', JSON.stringify(body, null, '\t')],
  ])('parses the elements of a %s list as they arrive, never the whole body', (_, text) => {
    const bytes = new TextEncoder().encode(text)
    const expected: unknown = JSON.parse(text)
    for (const size of [3, 100, 4096]) {
      const parse = vi.spyOn(JSON, 'parse')
      const reader = new ListBodyReader()
      for (let at = 0; at < bytes.length - size; at += size) reader.push(bytes.subarray(at, at + size))
      const before = parse.mock.calls.length
      reader.push(bytes.subarray(Math.floor((bytes.length - 1) / size) * size))
      expect(reader.parse()).toEqual(expected)
      expect(before).toBeGreaterThan(0)
      expect(parse.mock.calls.every(([parsed]) => parsed.length < text.length / 2)).toBe(true)
      parse.mockRestore()
    }
  })

  it('parses the whole body at the end when a second authorizations member follows the list', () => {
    const text = '{"authorizations":[{"id":"a"}],"authorizations":[]}'
    const parse = vi.spyOn(JSON, 'parse')
    const reader = new ListBodyReader()
    reader.push(new TextEncoder().encode(text))
    expect(reader.parse()).toEqual({ authorizations: [] })
    expect(parse).toHaveBeenLastCalledWith(text)
  })
})
