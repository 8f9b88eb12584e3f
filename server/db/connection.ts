import { join } from 'node:path'
import Database from 'better-sqlite3'
import { keyedTokenHash, loadSecret, prepareDataDir, restrictDatabaseFiles } from './at-rest.ts'
import { KEYED_HASHES_VERSION, migrations } from './migrations.ts'

export const DATABASE_FILE = 'influx-tokens.sqlite'

/**
 * What caches derived from the tables watch: `names` moves on every write to users, orgs or
 * buckets; `rights` on every write that can change what a session may do (tokens, memberships,
 * users); `tokens` when an existing token changes or goes (adding one changes no other token).
 */
export type WriteKind = 'names' | 'rights' | 'tokens'

/**
 * Opens (creating and migrating as needed) the database in `dataDir`: the directory 0700, the
 * database files and the installation's secret 0600.
 */
export function openConnection(dataDir: string): Connection {
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
    return new Connection(db, secret)
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

export const whereClause = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '')

/** One SQLite connection: statements prepared once (the dynamic list queries cached by text), transactions, write counters. */
export class Connection {
  private readonly statements = new Map<string, Database.Statement>()
  private readonly writes: Record<WriteKind, number> = { names: 0, rights: 0, tokens: 0 }

  constructor(
    private readonly db: Database.Database,
    private readonly secret: Buffer,
  ) {}

  statement(sql: string): Database.Statement {
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

  get inTransaction(): boolean {
    return this.db.inTransaction
  }

  /** What is stored for a token whose SHA-256 is `tokenSha256` (see keyedTokenHash). */
  keyedTokenHash(tokenSha256: string): string {
    return keyedTokenHash(this.secret, tokenSha256)
  }

  /** Changes whenever another connection commits (SQLite's data_version), e.g. a second process. */
  dataVersion(): number {
    return this.statement('PRAGMA data_version').pluck().get() as number
  }

  wrote(...kinds: WriteKind[]): void {
    for (const kind of kinds) this.writes[kind]++
  }

  /**
   * A key that changes whenever what `kind` watches may have changed, here or in another process.
   * Undefined inside a transaction: what it reads may still be rolled back.
   */
  version(kind: WriteKind): string | undefined {
    if (this.db.inTransaction) return undefined
    return `${this.writes[kind]}:${this.dataVersion()}`
  }

  close(): void {
    this.db.close()
  }
}
