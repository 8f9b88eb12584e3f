import { Authorizations } from './authorizations.ts'
import { Buckets } from './buckets.ts'
import { type Connection, openConnection } from './connection.ts'
import { Memberships } from './memberships.ts'
import { Orgs } from './orgs.ts'
import { Points } from './points.ts'
import { Users } from './users.ts'

/** One repository per table over one connection. */
export interface Store {
  db: Connection
  users: Users
  memberships: Memberships
  orgs: Orgs
  buckets: Buckets
  authorizations: Authorizations
  points: Points
}

export function openStore(dataDir: string): Store {
  const db = openConnection(dataDir)
  return {
    db,
    users: new Users(db),
    memberships: new Memberships(db),
    orgs: new Orgs(db),
    buckets: new Buckets(db),
    authorizations: new Authorizations(db),
    points: new Points(db),
  }
}
