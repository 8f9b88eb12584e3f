import type { Membership, MembershipResource, Role } from '../domain.ts'
import type { Connection } from './connection.ts'

/** Who owns or belongs to which org, bucket or the instance. */
export class Memberships {
  constructor(private readonly db: Connection) {}

  insert(userID: string, m: Membership): void {
    this.db.wrote('rights')
    this.db
      .statement('INSERT OR REPLACE INTO memberships (user_id, resource_type, resource_id, role) VALUES (?, ?, ?, ?)')
      .run(userID, m.resourceType, m.resourceID, m.role)
  }

  of(userID: string): Membership[] {
    const rows = this.db
      .statement('SELECT resource_type, resource_id, role FROM memberships WHERE user_id = ?')
      .all(userID) as { resource_type: MembershipResource; resource_id: string; role: Role }[]
    return rows.map((r) => ({ resourceType: r.resource_type, resourceID: r.resource_id, role: r.role }))
  }
}
