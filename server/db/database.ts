import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Permission } from '../auth/permissions.ts'
import { keyedTokenHash, loadSecret, prepareDataDir, restrictDatabaseFiles } from './at-rest.ts'
import { KEYED_HASHES_VERSION, migrations } from './migrations.ts'

export type Status = 'active' | 'inactive'

export interface User {
  id: string
  name: string
  status: Status
  createdAt: string
  updatedAt: string
}

export interface Org {
  id: string
  name: string
  description: string
  createdAt: string
  updatedAt: string
}

export interface Bucket {
  id: string
  orgID: string
  type: 'user' | 'system'
  name: string
  description: string | null
  retentionSeconds: number
  shardGroupSeconds: number
  createdAt: string
  updatedAt: string
}

export interface Authorization {
  id: string
  status: Status
  description: string
  orgID: string
  userID: string
  permissions: Permission[]
  createdAt: string
  updatedAt: string
}

export type MembershipResource = 'orgs' | 'buckets' | 'instance'
export type Role = 'owner' | 'member'

export interface Membership {
  resourceType: MembershipResource
  resourceID: string
  role: Role
}

export type FieldValue =
  | { type: 'float'; value: number }
  | { type: 'integer' | 'unsigned'; value: string }
  | { type: 'string'; value: string }
  | { type: 'boolean'; value: boolean }

export interface Point {
  measurement: string
  tags: Record<string, string>
  fields: Record<string, FieldValue>
  time: bigint
}

export interface Page {
  offset: number
  limit: number
  descending: boolean
  after?: string
}

export interface BucketFilter {
  id?: string
  orgID?: string
  name?: string
}

export interface AuthorizationFilter {
  id?: string
  orgID?: string
  userID?: string
}

/** The instance resource's ID, as InfluxDB uses for the setup user's ownership mapping. */
export const INSTANCE_ID = '0000000000000001'

interface UserRow {
  id: string
  name: string
  status: Status
  created_at: string
  updated_at: string
}
interface OrgRow {
  id: string
  name: string
  description: string
  created_at: string
  updated_at: string
}
interface BucketRow {
  id: string
  org_id: string
  type: 'user' | 'system'
  name: string
  description: string | null
  retention_seconds: number
  shard_group_seconds: number
  created_at: string
  updated_at: string
}
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

const toUser = (r: UserRow): User => ({
  id: r.id,
  name: r.name,
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})
const toOrg = (r: OrgRow): Org => ({
  id: r.id,
  name: r.name,
  description: r.description,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})
const toBucket = (r: BucketRow): Bucket => ({
  id: r.id,
  orgID: r.org_id,
  type: r.type,
  name: r.name,
  description: r.description,
  retentionSeconds: r.retention_seconds,
  shardGroupSeconds: r.shard_group_seconds,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})
/** An authorization row as the list reads it: permissions still as stored JSON text. */
export interface AuthorizationRecord {
  id: string
  status: Status
  description: string
  orgID: string
  userID: string
  permissions: string
  createdAt: string
  updatedAt: string
}

const RECORD_COLUMNS =
  'id, status, description, org_id AS orgID, user_id AS userID, permissions, created_at AS createdAt, updated_at AS updatedAt'

export type AuthorizationVersion = Pick<AuthorizationRecord, 'id' | 'orgID' | 'userID' | 'updatedAt'>

/** The Authorization of a record, parsing its permissions. */
export const parseAuthorization = (r: AuthorizationRecord): Authorization => ({ ...r, permissions: JSON.parse(r.permissions) as Permission[] })

const permissionKey = (p: Permission) => `${p.action} ${p.resource.type} ${p.resource.id ?? ''} ${p.resource.orgID ?? ''}`

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

export const DATABASE_FILE = 'influx-tokens.sqlite'

/**
 * Opens (creating and migrating as needed) the store in `dataDir`: the directory 0700, the
 * database files and the installation's secret 0600.
 */
export function openStore(dataDir: string): Store {
  prepareDataDir(dataDir)
  const file = join(dataDir, DATABASE_FILE)
  restrictDatabaseFiles(file)
  const db = new Database(file)
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    db.pragma('synchronous = NORMAL')
    const version = db.pragma('user_version', { simple: true }) as number
    const secret = loadSecret(dataDir, version >= KEYED_HASHES_VERSION)
    migrate(db, version, secret)
    return new Store(db, secret)
  } catch (error) {
    db.close()
    throw error
  }
}

function migrate(db: Database.Database, current: number, secret: Buffer): void {
  if (current > migrations.length) {
    throw new Error(`database schema version ${current} is newer than this server (${migrations.length})`)
  }
  migrations.slice(current).forEach((migration, index) => {
    db.transaction(() => {
      if (typeof migration === 'string') db.exec(migration)
      else migration(db, secret)
      db.pragma(`user_version = ${current + index + 1}`)
    })()
  })
}

const whereClause = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '')

/** All SQL lives here. Statements are prepared once (the dynamic list queries are cached by text). */
export class Store {
  private readonly statements = new Map<string, Database.Statement>()
  // Bumped by every write to users, orgs or buckets: names derived from them stay valid while it holds.
  private namesWrites = 0
  // Bumped by every write that can change what a session may do: tokens, memberships, users.
  private rightsWrites = 0
  // Bumped when an existing token changes or goes; adding one changes no other token.
  private tokenWrites = 0
  // Each user's token permissions, deduplicated: a session request needs them, and re-reading a
  // user's thousands of tokens every time dominated the cost of every session request.
  private readonly tokenPermissions = new Map<string, Permission[]>()
  private tokenPermissionsDataVersion = -1

  constructor(
    private readonly db: Database.Database,
    private readonly secret: Buffer,
  ) {}

  /** What is stored for a token whose SHA-256 is `tokenSha256` (see keyedTokenHash). */
  private stored(tokenSha256: string): string {
    return keyedTokenHash(this.secret, tokenSha256)
  }

  /**
   * A key that changes whenever a session's rights may have changed (see sessionPermissions).
   * Undefined inside a transaction: what it reads may still be rolled back.
   */
  rightsVersion(): string | undefined {
    if (this.db.inTransaction) return undefined
    return `${this.rightsWrites}:${this.dataVersion()}`
  }

  /**
   * A key that changes whenever an existing token may have changed or gone, for caches of what a
   * token grants. Undefined inside a transaction: what it reads may still be rolled back.
   */
  tokensVersion(): string | undefined {
    if (this.db.inTransaction) return undefined
    return `${this.tokenWrites}:${this.dataVersion()}`
  }

  /** Changes whenever another connection commits (SQLite's data_version), e.g. a second process. */
  private dataVersion(): number {
    return this.stmt('PRAGMA data_version').pluck().get() as number
  }

  /**
   * A key that changes whenever user, org or bucket names may have changed, for caches of derived
   * names. Undefined inside a transaction: what it reads may still be rolled back.
   */
  namesVersion(): string | undefined {
    if (this.db.inTransaction) return undefined
    return `${this.namesWrites}:${this.dataVersion()}`
  }

  private stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.db.prepare(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }

  /** Runs `fn` in one transaction: all of its writes land, or none. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate()
  }

  close(): void {
    this.db.close()
  }

  // --- users ---

  countUsersAndOrgs(): number {
    const row = this.stmt('SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM orgs) AS n').get() as { n: number }
    return row.n
  }

  insertUser(user: User, passwordHash: string | null): void {
    this.namesWrites++
    this.stmt(
      'INSERT INTO users (id, name, status, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(user.id, user.name, user.status, passwordHash, user.createdAt, user.updatedAt)
  }

  userById(id: string): User | undefined {
    const row = this.stmt('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined
    return row && toUser(row)
  }

  userByName(name: string): User | undefined {
    const row = this.stmt('SELECT * FROM users WHERE name = ?').get(name) as UserRow | undefined
    return row && toUser(row)
  }

  passwordHash(userID: string): string | null {
    const row = this.stmt('SELECT password_hash FROM users WHERE id = ?').get(userID) as
      | { password_hash: string | null }
      | undefined
    return row?.password_hash ?? null
  }

  setPasswordHash(userID: string, hash: string, updatedAt: string): void {
    this.stmt('UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?').run(hash, updatedAt, userID)
  }

  listUsers(page: Page): User[] {
    const where = page.after ? (page.descending ? 'WHERE id < ?' : 'WHERE id > ?') : ''
    const sql = `SELECT * FROM users ${where} ORDER BY id ${page.descending ? 'DESC' : 'ASC'} LIMIT ? OFFSET ?`
    const params = page.after ? [page.after, page.limit, page.offset] : [page.limit, page.offset]
    return (this.stmt(sql).all(...params) as UserRow[]).map(toUser)
  }

  allUsers(): User[] {
    return (this.stmt('SELECT * FROM users ORDER BY id').all() as UserRow[]).map(toUser)
  }

  updateUser(user: User): void {
    this.namesWrites++
    this.stmt('UPDATE users SET name = ?, status = ?, updated_at = ? WHERE id = ?').run(
      user.name,
      user.status,
      user.updatedAt,
      user.id,
    )
  }

  /** Removes the user, its password and its memberships; its authorizations stay (ref §C.6). */
  deleteUser(id: string): void {
    this.namesWrites++
    this.rightsWrites++
    this.stmt('DELETE FROM users WHERE id = ?').run(id)
  }

  // --- memberships ---

  insertMembership(userID: string, m: Membership): void {
    this.rightsWrites++
    this.stmt(
      'INSERT OR REPLACE INTO memberships (user_id, resource_type, resource_id, role) VALUES (?, ?, ?, ?)',
    ).run(userID, m.resourceType, m.resourceID, m.role)
  }

  membershipsOf(userID: string): Membership[] {
    const rows = this.stmt(
      'SELECT resource_type, resource_id, role FROM memberships WHERE user_id = ?',
    ).all(userID) as { resource_type: MembershipResource; resource_id: string; role: Role }[]
    return rows.map((r) => ({ resourceType: r.resource_type, resourceID: r.resource_id, role: r.role }))
  }

  // --- orgs ---

  insertOrg(org: Org): void {
    this.namesWrites++
    this.stmt('INSERT INTO orgs (id, name, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
      org.id,
      org.name,
      org.description,
      org.createdAt,
      org.updatedAt,
    )
  }

  orgById(id: string): Org | undefined {
    const row = this.stmt('SELECT * FROM orgs WHERE id = ?').get(id) as OrgRow | undefined
    return row && toOrg(row)
  }

  orgByName(name: string): Org | undefined {
    const row = this.stmt('SELECT * FROM orgs WHERE name = ?').get(name) as OrgRow | undefined
    return row && toOrg(row)
  }

  /** Orgs in ID order; with `memberID`, only those the user owns or belongs to. */
  listOrgs(page: Page, memberID?: string): Org[] {
    const conditions: string[] = []
    const params: unknown[] = []
    if (memberID) {
      conditions.push(
        "id IN (SELECT resource_id FROM memberships WHERE user_id = ? AND resource_type = 'orgs')",
      )
      params.push(memberID)
    }
    if (page.after) {
      conditions.push(page.descending ? 'id < ?' : 'id > ?')
      params.push(page.after)
    }
    const sql = `SELECT * FROM orgs ${whereClause(conditions)} ORDER BY id ${page.descending ? 'DESC' : 'ASC'} LIMIT ? OFFSET ?`
    return (this.stmt(sql).all(...params, page.limit, page.offset) as OrgRow[]).map(toOrg)
  }

  allOrgs(): Org[] {
    return (this.stmt('SELECT * FROM orgs').all() as OrgRow[]).map(toOrg)
  }

  // --- buckets ---

  insertBucket(b: Bucket): void {
    this.namesWrites++
    this.stmt(
      `INSERT INTO buckets (id, org_id, type, name, description, retention_seconds, shard_group_seconds, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(b.id, b.orgID, b.type, b.name, b.description, b.retentionSeconds, b.shardGroupSeconds, b.createdAt, b.updatedAt)
  }

  bucketById(id: string): Bucket | undefined {
    const row = this.stmt('SELECT * FROM buckets WHERE id = ?').get(id) as BucketRow | undefined
    return row && toBucket(row)
  }

  bucketByName(orgID: string, name: string): Bucket | undefined {
    const row = this.stmt('SELECT * FROM buckets WHERE org_id = ? AND name = ?').get(orgID, name) as
      | BucketRow
      | undefined
    return row && toBucket(row)
  }

  /**
   * One page of buckets. Within an org they come in name order (InfluxDB walks its org+name
   * index), otherwise in ID order. `after` continues after the bucket with that ID.
   */
  listBuckets(filter: BucketFilter, page: Page): Bucket[] {
    const conditions: string[] = []
    const params: unknown[] = []
    if (filter.id) {
      conditions.push('id = ?')
      params.push(filter.id)
    }
    if (filter.orgID) {
      conditions.push('org_id = ?')
      params.push(filter.orgID)
    }
    if (filter.name !== undefined) {
      conditions.push('name = ?')
      params.push(filter.name)
    }
    const key = filter.orgID ? 'name' : 'id'
    const direction = page.descending ? 'DESC' : 'ASC'
    if (page.after) {
      conditions.push(`${key} ${page.descending ? '<' : '>'} (SELECT ${key} FROM buckets WHERE id = ?)`)
      params.push(page.after)
    }
    const sql = `SELECT * FROM buckets ${whereClause(conditions)} ORDER BY ${key} ${direction} LIMIT ? OFFSET ?`
    return (this.stmt(sql).all(...params, page.limit, page.offset) as BucketRow[]).map(toBucket)
  }

  /** id → name of every bucket, for naming bucket permissions in one pass. */
  bucketNames(): Map<string, string> {
    const rows = this.stmt('SELECT id, name FROM buckets').all() as { id: string; name: string }[]
    return new Map(rows.map((r) => [r.id, r.name]))
  }

  deleteBucket(id: string): void {
    this.namesWrites++
    this.stmt('DELETE FROM buckets WHERE id = ?').run(id)
  }

  // --- authorizations ---

  /** `tokenHash` is the token's SHA-256 (hashToken); what is stored is keyed with the secret. */
  insertAuthorization(a: Authorization, tokenHash: string): void {
    this.rightsWrites++
    this.tokenPermissions.delete(a.userID)
    this.stmt(
      `INSERT INTO authorizations (id, token_hash, status, description, org_id, user_id, permissions, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(a.id, this.stored(tokenHash), a.status, a.description, a.orgID, a.userID, JSON.stringify(a.permissions), a.createdAt, a.updatedAt)
  }

  tokenHashExists(tokenHash: string): boolean {
    return this.stmt('SELECT 1 FROM authorizations WHERE token_hash = ?').get(this.stored(tokenHash)) !== undefined
  }

  authorizationById(id: string): Authorization | undefined {
    const row = this.stmt('SELECT * FROM authorizations WHERE id = ?').get(id) as AuthorizationRow | undefined
    return row && toAuthorization(row)
  }

  authorizationByTokenHash(tokenHash: string): Authorization | undefined {
    const row = this.stmt('SELECT * FROM authorizations WHERE token_hash = ?').get(this.stored(tokenHash)) as
      | AuthorizationRow
      | undefined
    return row && toAuthorization(row)
  }

  /** Every matching authorization in ascending ID order, in one query (no paging, like InfluxDB). */
  listAuthorizations(filter: AuthorizationFilter): Authorization[] {
    return this.listAuthorizationRecords(filter).map(parseAuthorization)
  }

  /** Like listAuthorizations, with the permissions left as JSON text for the caller to parse if needed. */
  listAuthorizationRecords(filter: AuthorizationFilter): AuthorizationRecord[] {
    return this.selectAuthorizations(RECORD_COLUMNS, filter) as AuthorizationRecord[]
  }

  /** Just who owns each matching authorization and its version (updatedAt): enough to reuse a cached response. */
  listAuthorizationVersions(filter: AuthorizationFilter): AuthorizationVersion[] {
    return this.selectAuthorizations('id, org_id AS orgID, user_id AS userID, updated_at AS updatedAt', filter) as AuthorizationVersion[]
  }

  /** The versions of those of `ids` that exist, in ascending ID order. */
  authorizationVersionsByIds(ids: string[]): AuthorizationVersion[] {
    return this.stmt(
      'SELECT id, org_id AS orgID, user_id AS userID, updated_at AS updatedAt FROM authorizations WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id',
    ).all(JSON.stringify(ids)) as AuthorizationVersion[]
  }

  /** The records of those of `ids` that exist, in ascending ID order. */
  authorizationRecordsByIds(ids: string[]): AuthorizationRecord[] {
    return this.stmt(
      `SELECT ${RECORD_COLUMNS} FROM authorizations WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    ).all(JSON.stringify(ids)) as AuthorizationRecord[]
  }

  private selectAuthorizations(columns: string, filter: AuthorizationFilter): unknown[] {
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
    return this.stmt(`SELECT ${columns} FROM authorizations ${whereClause(conditions)} ORDER BY id`).all(...params)
  }

  /** Every distinct permission of a user's tokens (inactive ones included), for session rights. */
  permissionsOfUserTokens(userID: string): Permission[] {
    const dataVersion = this.dataVersion()
    if (dataVersion !== this.tokenPermissionsDataVersion) {
      this.tokenPermissions.clear()
      this.tokenPermissionsDataVersion = dataVersion
    }
    const cached = this.tokenPermissions.get(userID)
    if (cached) return cached
    const rows = this.stmt('SELECT DISTINCT permissions FROM authorizations WHERE user_id = ?').all(userID) as {
      permissions: string
    }[]
    const unique = new Map<string, Permission>()
    for (const row of rows) {
      for (const p of JSON.parse(row.permissions) as Permission[]) unique.set(permissionKey(p), p)
    }
    const permissions = [...unique.values()]
    // Not inside a transaction: a rollback could take back what was just read.
    if (!this.db.inTransaction) this.tokenPermissions.set(userID, permissions)
    return permissions
  }

  updateAuthorization(a: Authorization): void {
    this.tokenWrites++
    this.stmt('UPDATE authorizations SET status = ?, description = ?, updated_at = ? WHERE id = ?').run(
      a.status,
      a.description,
      a.updatedAt,
      a.id,
    )
  }

  deleteAuthorization(id: string): void {
    this.rightsWrites++
    this.tokenWrites++
    // The owner is not at hand here; deletes are rare, so forget every user's permissions.
    this.tokenPermissions.clear()
    this.stmt('DELETE FROM authorizations WHERE id = ?').run(id)
  }

  // --- points ---

  insertPoint(bucketID: string, p: Point): void {
    this.stmt('INSERT INTO points (bucket_id, measurement, tags, fields, time) VALUES (?, ?, ?, ?, ?)').run(
      bucketID,
      p.measurement,
      JSON.stringify(p.tags),
      JSON.stringify(p.fields),
      p.time,
    )
  }

  countPoints(bucketID: string): number {
    return (this.stmt('SELECT count(*) AS n FROM points WHERE bucket_id = ?').get(bucketID) as { n: number }).n
  }
}
