import type { Page, Status, User } from '../domain.ts'
import type { Connection } from './connection.ts'

interface UserRow {
  id: string
  name: string
  status: Status
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

/** The users table, passwords included. */
export class Users {
  constructor(private readonly db: Connection) {}

  count(): number {
    return this.db.statement('SELECT count(*) FROM users').pluck().get() as number
  }

  insert(user: User, passwordHash: string | null): void {
    this.db.wrote('names')
    this.db
      .statement('INSERT INTO users (id, name, status, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(user.id, user.name, user.status, passwordHash, user.createdAt, user.updatedAt)
  }

  byId(id: string): User | undefined {
    const row = this.db.statement('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined
    return row && toUser(row)
  }

  byName(name: string): User | undefined {
    const row = this.db.statement('SELECT * FROM users WHERE name = ?').get(name) as UserRow | undefined
    return row && toUser(row)
  }

  passwordHash(userID: string): string | null {
    const row = this.db.statement('SELECT password_hash FROM users WHERE id = ?').get(userID) as
      | { password_hash: string | null }
      | undefined
    return row?.password_hash ?? null
  }

  setPasswordHash(userID: string, hash: string, updatedAt: string): void {
    this.db.statement('UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?').run(hash, updatedAt, userID)
  }

  list(page: Page): User[] {
    const where = page.after ? (page.descending ? 'WHERE id < ?' : 'WHERE id > ?') : ''
    const sql = `SELECT * FROM users ${where} ORDER BY id ${page.descending ? 'DESC' : 'ASC'} LIMIT ? OFFSET ?`
    const params = page.after ? [page.after, page.limit, page.offset] : [page.limit, page.offset]
    return (this.db.statement(sql).all(...params) as UserRow[]).map(toUser)
  }

  all(): User[] {
    return (this.db.statement('SELECT * FROM users ORDER BY id').all() as UserRow[]).map(toUser)
  }

  update(user: User): void {
    this.db.wrote('names')
    this.db
      .statement('UPDATE users SET name = ?, status = ?, updated_at = ? WHERE id = ?')
      .run(user.name, user.status, user.updatedAt, user.id)
  }

  /** Removes the user, its password and its memberships; its authorizations stay, as in InfluxDB. */
  delete(id: string): void {
    this.db.wrote('names', 'rights')
    this.db.statement('DELETE FROM users WHERE id = ?').run(id)
  }
}
