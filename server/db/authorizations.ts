import type { Permission } from '../auth/permissions.ts'
import {
  type Authorization,
  type AuthorizationFilter,
  type AuthorizationRecord,
  type AuthorizationVersion,
  type Status,
  parseAuthorization,
} from '../domain.ts'
import { type Connection, whereClause } from './connection.ts'

interface AuthorizationRow {
  id: string
  status: Status
  description: string
  org_id: string
  user_id: string
  permissions: string
  created_at: string
  updated_at: string
}

const toAuthorization = (r: AuthorizationRow): Authorization => ({
  id: r.id,
  status: r.status,
  description: r.description,
  orgID: r.org_id,
  userID: r.user_id,
  permissions: JSON.parse(r.permissions) as Permission[],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

const RECORD_COLUMNS =
  'id, status, description, org_id AS orgID, user_id AS userID, permissions, created_at AS createdAt, updated_at AS updatedAt'
const VERSION_COLUMNS = 'id, org_id AS orgID, user_id AS userID, updated_at AS updatedAt'

/** The tokens. Token hashes come in as SHA-256 (hashToken); what is stored is keyed with the installation's secret. */
export class Authorizations {
  // Tokens added per user, and tokens deleted: what a cache of a user's token permissions watches.
  private readonly insertsByUser = new Map<string, number>()
  private deletes = 0

  constructor(private readonly db: Connection) {}

  insert(a: Authorization, tokenHash: string): void {
    this.db.wrote('rights')
    this.insertsByUser.set(a.userID, (this.insertsByUser.get(a.userID) ?? 0) + 1)
    this.db
      .statement(
        `INSERT INTO authorizations (id, token_hash, status, description, org_id, user_id, permissions, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(a.id, this.db.keyedTokenHash(tokenHash), a.status, a.description, a.orgID, a.userID, JSON.stringify(a.permissions), a.createdAt, a.updatedAt)
  }

  tokenHashExists(tokenHash: string): boolean {
    return this.db.statement('SELECT 1 FROM authorizations WHERE token_hash = ?').get(this.db.keyedTokenHash(tokenHash)) !== undefined
  }

  byId(id: string): Authorization | undefined {
    const row = this.db.statement('SELECT * FROM authorizations WHERE id = ?').get(id) as AuthorizationRow | undefined
    return row && toAuthorization(row)
  }

  byTokenHash(tokenHash: string): Authorization | undefined {
    const row = this.db
      .statement('SELECT * FROM authorizations WHERE token_hash = ?')
      .get(this.db.keyedTokenHash(tokenHash)) as AuthorizationRow | undefined
    return row && toAuthorization(row)
  }

  /** Every matching authorization in ascending ID order, in one query (no paging, like InfluxDB). */
  list(filter: AuthorizationFilter): Authorization[] {
    return this.listRecords(filter).map(parseAuthorization)
  }

  /** Like list, with the permissions left as JSON text for the caller to parse if needed. */
  listRecords(filter: AuthorizationFilter): AuthorizationRecord[] {
    return this.select(RECORD_COLUMNS, filter) as AuthorizationRecord[]
  }

  /** Just who owns each matching authorization and its version (updatedAt): enough to reuse a cached response. */
  listVersions(filter: AuthorizationFilter): AuthorizationVersion[] {
    return this.select(VERSION_COLUMNS, filter) as AuthorizationVersion[]
  }

  /** The versions of those of `ids` that exist, in ascending ID order. */
  versionsByIds(ids: string[]): AuthorizationVersion[] {
    return this.db
      .statement(`SELECT ${VERSION_COLUMNS} FROM authorizations WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`)
      .all(JSON.stringify(ids)) as AuthorizationVersion[]
  }

  /** The records of those of `ids` that exist, in ascending ID order. */
  recordsByIds(ids: string[]): AuthorizationRecord[] {
    return this.db
      .statement(`SELECT ${RECORD_COLUMNS} FROM authorizations WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`)
      .all(JSON.stringify(ids)) as AuthorizationRecord[]
  }

  private select(columns: string, filter: AuthorizationFilter): unknown[] {
    const conditions: string[] = []
    const params: string[] = []
    if (filter.id) {
      conditions.push('id = ?')
      params.push(filter.id)
    }
    if (filter.userID) {
      conditions.push('user_id = ?')
      params.push(filter.userID)
    }
    if (filter.orgID) {
      conditions.push('org_id = ?')
      params.push(filter.orgID)
    }
    return this.db.statement(`SELECT ${columns} FROM authorizations ${whereClause(conditions)} ORDER BY id`).all(...params)
  }

  /** The distinct permission lists (as stored JSON) of a user's tokens, inactive ones included. */
  permissionListsOf(userID: string): string[] {
    return this.db.statement('SELECT DISTINCT permissions FROM authorizations WHERE user_id = ?').pluck().all(userID) as string[]
  }

  /**
   * A key that changes whenever the permissions of `userID`'s tokens may have changed: a token of
   * theirs added, any token deleted (the owner is not at hand then), or another process's commit.
   * Undefined inside a transaction: what it reads may still be rolled back.
   */
  permissionsVersion(userID: string): string | undefined {
    if (this.db.inTransaction) return undefined
    return `${this.insertsByUser.get(userID) ?? 0}:${this.deletes}:${this.db.dataVersion()}`
  }

  update(a: Authorization): void {
    this.db.wrote('tokens')
    this.db
      .statement('UPDATE authorizations SET status = ?, description = ?, updated_at = ? WHERE id = ?')
      .run(a.status, a.description, a.updatedAt, a.id)
  }

  delete(id: string): void {
    this.db.wrote('rights', 'tokens')
    this.deletes++
    this.db.statement('DELETE FROM authorizations WHERE id = ?').run(id)
  }
}
