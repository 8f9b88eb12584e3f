import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { OSS_RESOURCE_TYPES } from '@/api/contract'
import { csvField, CSV_COLUMNS, exportFileName, permissionText, tokensCsv, tokensJson, type TokenExport } from './export'
import { buildAllAccessPermissions } from '@/api/permission-sets'
import { B1, makeAuth, ME, ORG, read, write } from './test-fixtures'

const SECRET = 'c2VjcmV0LXRva2VuLXZhbHVlLXRoYXQtbXVzdC1uZXZlci1sZWF2ZQ=='
const auths = [
  makeAuth({
    id: '0a0a0a0a0a0a0a01',
    token: SECRET,
    description: 'telegraf, "edge" hosts\nline two',
    permissions: [read({ type: 'buckets', orgID: ORG, id: B1, name: 'telemetry', org: 'acme' }), write({ type: 'buckets', orgID: ORG, id: B1 })],
  }),
  makeAuth({ id: '0a0a0a0a0a0a0a02', token: SECRET, description: '=HYPERLINK("http://evil")', status: 'inactive', permissions: buildAllAccessPermissions(OSS_RESOURCE_TYPES, ORG, ME) }),
  makeAuth({ id: '0a0a0a0a0a0a0a03', token: SECRET, description: '', permissions: [read({ type: 'users' })] }),
]

describe('csvField', () => {
  it('quotes fields with commas, quotes or line breaks, doubling the quotes (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
  })

  it('defuses what a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t']) expect(csvField(`${start}1+1`)).toBe(`'${start}1+1`)
    expect(csvField('\r1')).toBe(`"'\r1"`)
    expect(csvField('=SUM(A1,A2)')).toBe(`"'=SUM(A1,A2)"`)
    expect(csvField('a=b')).toBe('a=b')
  })
})

describe('tokensCsv', () => {
  it('parses back to one record per token in order, with every column and no token value', () => {
    const csv = tokensCsv(auths)
    expect(csv).not.toContain(SECRET)
    expect(csv.endsWith('\r\n')).toBe(true)
    const [header, ...rows] = parse(csv) as string[][]
    expect(header).toEqual([...CSV_COLUMNS])
    expect(rows.map((row) => row[0])).toEqual(auths.map((a) => a.id))
    expect(rows[0]).toEqual([
      '0a0a0a0a0a0a0a01',
      'telegraf, "edge" hosts\nline two',
      'active',
      'alice',
      ME,
      '2024-03-01T10:00:00Z',
      '2024-03-01T10:00:00Z',
      'Read 1 · Write 1 bucket',
      `read:orgs/${ORG}/buckets/${B1}\nwrite:orgs/${ORG}/buckets/${B1}`,
    ])
    expect(rows[1]?.[1]).toBe(`'=HYPERLINK("http://evil")`)
    expect(rows[1]?.[7]).toBe('All-Access')
    expect(rows[1]?.[8]?.split('\n')).toHaveLength(auths[1]?.permissions.length ?? -1)
    expect(rows[2]?.[8]).toBe('read:users')
  })

  it('is only the header for an empty list', () => {
    expect(parse(tokensCsv([]))).toEqual([[...CSV_COLUMNS]])
  })
})

describe('tokensJson', () => {
  it('holds the org, the time and each token with its full permissions, never a token value', () => {
    const now = new Date('2026-12-06T05:00:00Z')
    const text = tokensJson(auths, { id: ORG, name: 'acme' }, now)
    expect(text).not.toContain(SECRET)
    const document = JSON.parse(text) as TokenExport
    expect(document.org).toEqual({ id: ORG, name: 'acme' })
    expect(document.exportedAt).toBe('2026-12-06T05:00:00.000Z')
    expect(document.tokens.map((t) => t.id)).toEqual(auths.map((a) => a.id))
    expect(document.tokens[0]).toEqual({
      id: '0a0a0a0a0a0a0a01',
      description: 'telegraf, "edge" hosts\nline two',
      status: 'active',
      owner: 'alice',
      ownerID: ME,
      createdAt: '2024-03-01T10:00:00Z',
      updatedAt: '2024-03-01T10:00:00Z',
      scope: 'Read 1 · Write 1 bucket',
      permissions: auths[0]?.permissions,
    })
    for (const token of document.tokens) expect(Object.keys(token)).not.toContain('token')
  })
})

describe('permissionText', () => {
  it('writes a permission as InfluxDB prints it', () => {
    expect(permissionText(read({ type: 'buckets', orgID: ORG, id: B1 }))).toBe(`read:orgs/${ORG}/buckets/${B1}`)
    expect(permissionText(write({ type: 'dashboards', orgID: ORG }))).toBe(`write:orgs/${ORG}/dashboards`)
    expect(permissionText(read({ type: 'orgs', id: ORG }))).toBe(`read:orgs/${ORG}`)
    expect(permissionText(write({ type: 'authorizations' }))).toBe('write:authorizations')
  })
})

describe('exportFileName', () => {
  it('carries the org name, made safe for a file name, and the local date', () => {
    const now = new Date(2026, 11, 6, 23, 59)
    expect(exportFileName('acme', 'csv', now)).toBe('tokens-acme-2026-12-06.csv')
    expect(exportFileName('Ünïcode Corp / R&D', 'json', now)).toBe('tokens-unicode-corp-r-d-2026-12-06.json')
    expect(exportFileName('../..', 'csv', now)).toBe('tokens-org-2026-12-06.csv')
  })
})
