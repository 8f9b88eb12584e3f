import {
  type AuthorizationFilter,
  type AuthorizationVersion,
  type Store,
  parseAuthorization,
} from '../db/database.ts'
import { type Names, authorizationResponse } from '../responses.ts'
import { loadNames } from './tenant.ts'

const LIST_START = Buffer.from('{"links":{"self":"/api/v2/authorizations"},"authorizations":[')
const LIST_END = Buffer.from(']}')
const COMMA = Buffer.from(',')

/**
 * Names and each listed token's response JSON (UTF-8, ready to send), kept between requests.
 * With 10,000 tokens a repeated list then costs one narrow query and a buffer copy instead of
 * reading, parsing, naming, serializing and encoding every permission again. A token's JSON
 * depends only on its row, versioned by `updatedAt`, and on names, so everything is dropped
 * whenever a user, org or bucket may have changed.
 */
export class AuthorizationResponses {
  private version: string | undefined
  private names: Names | undefined
  private readonly rows = new Map<string, { updatedAt: string; json: Buffer }>()

  constructor(private readonly store: Store) {}

  /** id → name maps for authorization responses; reused while no name can have changed. */
  currentNames(): Names {
    const version = this.store.namesVersion()
    if (version === undefined) return loadNames(this.store)
    if (version !== this.version || !this.names) {
      this.version = version
      this.names = loadNames(this.store)
      this.rows.clear()
    }
    return this.names
  }

  /**
   * The body of GET /api/v2/authorizations: the tokens matching `filter` that `include` accepts,
   * skipping those whose user or org is gone, byte for byte as JSON.stringify would write them.
   */
  listJson(filter: AuthorizationFilter, include: (a: AuthorizationVersion) => boolean): Buffer<ArrayBuffer> {
    const names = this.currentNames()
    const fresh = (a: AuthorizationVersion) => this.rows.get(a.id)?.updatedAt === a.updatedAt
    const wanted = this.store.listAuthorizationVersions(filter).filter(include)
    // Only when something is not cached yet are the rows read in full (one query, not one per token).
    const json = wanted.every(fresh) ? wanted.map((a) => this.rows.get(a.id)?.json) : this.serialize(filter, include, names)
    const parts: Buffer[] = [LIST_START]
    for (const part of json) {
      if (!part) continue
      if (parts.length > 1) parts.push(COMMA)
      parts.push(part)
    }
    parts.push(LIST_END)
    return Buffer.concat(parts)
  }

  private serialize(filter: AuthorizationFilter, include: (a: AuthorizationVersion) => boolean, names: Names): Buffer[] {
    const cacheable = this.names === names
    const json: Buffer[] = []
    for (const record of this.store.listAuthorizationRecords(filter)) {
      if (!include(record)) continue
      const cached = this.rows.get(record.id)
      if (cached?.updatedAt === record.updatedAt) {
        json.push(cached.json)
        continue
      }
      const response = authorizationResponse(parseAuthorization(record), names)
      if (!response) continue
      const encoded = Buffer.from(JSON.stringify(response))
      if (cacheable) this.rows.set(record.id, { updatedAt: record.updatedAt, json: encoded })
      json.push(encoded)
    }
    return json
  }

  /** Drops a deleted token's JSON. */
  forget(id: string): void {
    this.rows.delete(id)
  }
}
