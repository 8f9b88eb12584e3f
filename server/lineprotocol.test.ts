import { describe, expect, it } from 'vitest'
import { parseLineProtocol } from './lineprotocol.ts'

const NOW = 1_700_000_000_123_456_789n
const parse = (text: string, precision: 'ns' | 'us' | 'ms' | 's' = 'ns') => parseLineProtocol(text, precision, NOW)

describe('line protocol parser', () => {
  it('parses measurement, tags, every field type and the timestamp', () => {
    const { points, errors } = parse('cpu,host=a,region=eu-west f=1.5,i=-2i,u=3u,s="hi, \\"you\\"",b=t,B=FALSE 1700000000000000000')
    expect(errors).toEqual([])
    expect(points).toHaveLength(1)
    const p = points[0]!
    expect(p.measurement).toBe('cpu')
    expect({ ...p.tags }).toEqual({ host: 'a', region: 'eu-west' })
    expect({ ...p.fields }).toEqual({
      f: { type: 'float', value: 1.5 },
      i: { type: 'integer', value: '-2' },
      u: { type: 'unsigned', value: '3' },
      s: { type: 'string', value: 'hi, "you"' },
      b: { type: 'boolean', value: true },
      B: { type: 'boolean', value: false },
    })
    expect(p.time).toBe(1700000000000000000n)
  })

  it('handles escapes, comments, blank lines, CRLF and strings spanning lines', () => {
    const { points, errors } = parse('# comment\n\nmy\\ m\\,x,t\\=k=v\\ 1 f=1\r\nlog msg="two\nlines" 5\n')
    expect(errors).toEqual([])
    expect(points.map((p) => p.measurement)).toEqual(['my m,x', 'log'])
    expect({ ...points[0]!.tags }).toEqual({ 't=k': 'v 1' })
    expect(points[1]!.fields.msg).toEqual({ type: 'string', value: 'two\nlines' })
  })

  it('applies the precision and defaults the time to now truncated to it', () => {
    expect(parse('m f=1 2', 's').points[0]!.time).toBe(2_000_000_000n)
    expect(parse('m f=1 2', 'ms').points[0]!.time).toBe(2_000_000n)
    expect(parse('m f=1 2', 'us').points[0]!.time).toBe(2_000n)
    expect(parse('m f=1', 's').points[0]!.time).toBe(1_700_000_000_000_000_000n)
    expect(parse('m f=1').points[0]!.time).toBe(NOW)
  })

  it.each([
    [',t=1 f=1', 'missing measurement'],
    ['cpu', 'missing fields'],
    ['cpu ', 'missing fields'],
    ['cpu,host=a', 'missing fields'],
    ['cpu, f=1', 'missing tag key'],
    ['cpu,host f=1', 'missing tag value'],
    ['cpu,host= f=1', 'missing tag value'],
    ['cpu,host=a=b f=1', 'invalid tag format'],
    ['cpu,a=1,a=2 f=1', 'duplicate tags'],
    ['cpu =1', 'missing field key'],
    ['cpu f', 'invalid field format'],
    ['cpu f=', 'missing field value'],
    ['cpu f=1,', 'missing field key'],
    ['cpu f="open', 'unbalanced quotes'],
    ['cpu f=1.2.3', 'invalid number'],
    ['cpu f=1.5i', 'invalid number'],
    ['cpu f=-1u', 'invalid number'],
    ['cpu f=yes', 'invalid boolean'],
    ['cpu f=9223372036854775808i', 'unable to parse integer 9223372036854775808: strconv.ParseInt: parsing "9223372036854775808": value out of range'],
    ['cpu f=1 12ab', 'bad timestamp'],
    ['cpu f=1 1 2', 'point is invalid'],
  ])('rejects %j with "%s"', (line, reason) => {
    const { points, errors } = parse(line)
    expect(points).toEqual([])
    expect(errors).toEqual([`unable to parse '${line}': ${reason}`])
  })

  it('reports every bad line, in order, and keeps the good ones', () => {
    const { points, errors } = parse('a f=1\nb\nc f=2\nd f=')
    expect(points).toHaveLength(2)
    expect(errors).toEqual(["unable to parse 'b': missing fields", "unable to parse 'd f=': missing field value"])
  })

  it('refuses timestamps outside the int64 nanosecond range', () => {
    expect(parse('m f=1 9223372036854775807', 's').errors[0]).toMatch(/time outside range/)
  })
})
