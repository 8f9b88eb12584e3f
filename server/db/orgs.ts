import type { Org, Page } from '../domain.ts'
import { type Connection, whereClause } from './connection.ts'

interface OrgRow {
  id: string
  name: string
  description: string
  created_at: string
  updated_at: string
}

const toOrg = (r: OrgRow): Org => ({
  id: r.id,
  name: r.name,
  description: r.description,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

export class Orgs {
  constructor(private readonly db: Connection) {}

  count(): number {
    return this.db.statement('SELECT count(*) FROM orgs').pluck().get() as number
  }

  insert(org: Org): void {
    this.db.wrote('names')
    this.db
      .statement('INSERT INTO orgs (id, name, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(org.id, org.name, org.description, org.createdAt, org.updatedAt)
  }

  byId(id: string): Org | undefined {
    const row = this.db.statement('SELECT * FROM orgs WHERE id = ?').get(id) as OrgRow | undefined
    return row && toOrg(row)
  }

  byName(name: string): Org | undefined {
    const row = this.db.statement('SELECT * FROM orgs WHERE name = ?').get(name) as OrgRow | undefined
    return row && toOrg(row)
  }

  /** Orgs in ID order; with `memberID`, only those the user owns or belongs to. */
  list(page: Page, memberID?: string): Org[] {
    const conditions: string[] = []
    const params: unknown[] = []
    if (memberID) {
      conditions.push("id IN (SELECT resource_id FROM memberships WHERE user_id = ? AND resource_type = 'orgs')")
      params.push(memberID)
    }
    if (page.after) {
      conditions.push(page.descending ? 'id < ?' : 'id > ?')
      params.push(page.after)
    }
    const sql = `SELECT * FROM orgs ${whereClause(conditions)} ORDER BY id ${page.descending ? 'DESC' : 'ASC'} LIMIT ? OFFSET ?`
    return (this.db.statement(sql).all(...params, page.limit, page.offset) as OrgRow[]).map(toOrg)
  }

  all(): Org[] {
    return (this.db.statement('SELECT * FROM orgs').all() as OrgRow[]).map(toOrg)
  }
}
