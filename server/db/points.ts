import type { Point } from '../domain.ts'
import type { Connection } from './connection.ts'

export class Points {
  constructor(private readonly db: Connection) {}

  insert(bucketID: string, p: Point): void {
    this.db
      .statement('INSERT INTO points (bucket_id, measurement, tags, fields, time) VALUES (?, ?, ?, ?, ?)')
      .run(bucketID, p.measurement, JSON.stringify(p.tags), JSON.stringify(p.fields), p.time)
  }

  count(bucketID: string): number {
    return this.db.statement('SELECT count(*) FROM points WHERE bucket_id = ?').pluck().get(bucketID) as number
  }
}
