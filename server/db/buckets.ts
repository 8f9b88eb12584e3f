import type { Bucket, BucketFilter, Page } from '../domain.ts'
import { type Connection, whereClause } from './connection.ts'

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

export class Buckets {
  constructor(private readonly db: Connection) {}

  insert(b: Bucket): void {
    this.db.wrote('names')
    this.db
      .statement(
        `INSERT INTO buckets (id, org_id, type, name, description, retention_seconds, shard_group_seconds, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(b.id, b.orgID, b.type, b.name, b.description, b.retentionSeconds, b.shardGroupSeconds, b.createdAt, b.updatedAt)
  }

  byId(id: string): Bucket | undefined {
    const row = this.db.statement('SELECT * FROM buckets WHERE id = ?').get(id) as BucketRow | undefined
    return row && toBucket(row)
  }

  byName(orgID: string, name: string): Bucket | undefined {
    const row = this.db.statement('SELECT * FROM buckets WHERE org_id = ? AND name = ?').get(orgID, name) as
      | BucketRow
      | undefined
    return row && toBucket(row)
  }

  /**
   * One page of buckets. Within an org they come in name order (InfluxDB walks its org+name
   * index), otherwise in ID order. `after` continues after the bucket with that ID.
   */
  list(filter: BucketFilter, page: Page): Bucket[] {
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
    return (this.db.statement(sql).all(...params, page.limit, page.offset) as BucketRow[]).map(toBucket)
  }

  /** id → name of every bucket, for naming bucket permissions in one pass. */
  names(): Map<string, string> {
    const rows = this.db.statement('SELECT id, name FROM buckets').all() as { id: string; name: string }[]
    return new Map(rows.map((r) => [r.id, r.name]))
  }

  delete(id: string): void {
    this.db.wrote('names')
    this.db.statement('DELETE FROM buckets WHERE id = ?').run(id)
  }
}
