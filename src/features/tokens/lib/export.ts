/**
 * The token list as a file for an audit: CSV or JSON, one row per token in the order shown. Rows
 * are built field by field from what the list holds, so a token value can never slip in (InfluxDB
 * before 2.9 sends each token's value on every GET).
 */
import type { Authorization, AuthorizationStatus, Permission, Resource } from '@/api/contract'
import { scopeSummary } from './scope'

export type ExportFormat = 'csv' | 'json'

export interface ExportedToken {
  id: string
  description: string
  status: AuthorizationStatus
  owner: string
  ownerID: string
  createdAt: string
  updatedAt: string
  scope: string
  permissions: Permission[]
}

export interface TokenExport {
  org: { id: string; name: string }
  exportedAt: string
  tokens: ExportedToken[]
}

function copyResource({ type, id, orgID, name, org }: Resource): Resource {
  return { type, ...(id !== undefined && { id }), ...(orgID !== undefined && { orgID }), ...(name !== undefined && { name }), ...(org !== undefined && { org }) }
}

export function exportedToken(auth: Authorization): ExportedToken {
  return {
    id: auth.id,
    description: auth.description,
    status: auth.status,
    owner: auth.user,
    ownerID: auth.userID,
    createdAt: auth.createdAt,
    updatedAt: auth.updatedAt,
    scope: scopeSummary(auth),
    permissions: auth.permissions.map((p) => ({ action: p.action, resource: copyResource(p.resource) })),
  }
}

/** InfluxDB's own text for a permission, as `influx auth list` prints it: `read:orgs/<org>/buckets/<id>`. */
export function permissionText({ action, resource }: Permission): string {
  const { type, id, orgID } = resource
  const path = orgID !== undefined ? `orgs/${orgID}/${type}` : type
  return `${action}:${path}${id !== undefined ? `/${id}` : ''}`
}

export const CSV_COLUMNS = ['ID', 'Description', 'Status', 'Owner', 'Owner ID', 'Created', 'Updated', 'Scope', 'Permissions'] as const

/** Spreadsheets run a cell that starts with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/

/** One CSV field: defused if a spreadsheet would read it as a formula, then quoted as RFC 4180 asks. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

function csvRow(fields: readonly string[]): string {
  return fields.map(csvField).join(',')
}

/** RFC 4180: CRLF between records; the permissions of a token in one field, one per line. */
export function tokensCsv(auths: readonly Authorization[]): string {
  const rows = auths.map((auth) => {
    const t = exportedToken(auth)
    return csvRow([t.id, t.description, t.status, t.owner, t.ownerID, t.createdAt, t.updatedAt, t.scope, t.permissions.map(permissionText).join('\n')])
  })
  return [csvRow(CSV_COLUMNS), ...rows].join('\r\n') + '\r\n'
}

export function tokensJson(auths: readonly Authorization[], org: { id: string; name: string }, now: Date): string {
  const document: TokenExport = { org: { id: org.id, name: org.name }, exportedAt: now.toISOString(), tokens: auths.map(exportedToken) }
  return `${JSON.stringify(document, null, 2)}\n`
}

const pad = (n: number) => String(n).padStart(2, '0')

/** `tokens-acme-2026-12-06.csv`: the org's name made safe for a file name, and the local date. */
export function exportFileName(orgName: string, format: ExportFormat, now: Date): string {
  const slug = orgName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
  return `tokens-${slug || 'org'}-${date}.${format}`
}
