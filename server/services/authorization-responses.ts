import { type AuthorizationFilter, type AuthorizationVersion, parseAuthorization } from '../domain.ts'
import type { Store } from '../db/store.ts'
import { type Names, authorizationResponse } from '../responses.ts'
import { loadNames } from './tenant.ts'

const LIST_START = Buffer.from('{"links":{"self":"/api/v2/authorizations"},"authorizations":[')
const LIST_END = Buffer.from(']}')
const COMMA = Buffer.from(',')

/** The cached JSON of tokens is capped at this many bytes; the oldest entries go first. */
export const CACHE_BYTES = 64 * 1024 * 1024
// A list is sent in chunks of about this many bytes, built as the client reads: one request holds
// about a chunk, not the whole list, which long descriptions can make very large.
const CHUNK_BYTES = 1024 * 1024
const TOKENS_PER_READ = 20

/**
 * Names and each listed token's response JSON (UTF-8, ready to send), kept between requests.
 * With 10,000 tokens a repeated list then costs narrow queries and buffer copies instead of
 * reading, parsing, naming, serializing and encoding every permission again. A token's JSON
 * depends only on its row, versioned by `updatedAt`, and on names, so everything is dropped
 * whenever a user, org or bucket may have changed.
 */
export class AuthorizationResponses {
  private version: string | undefined
  private names: Names | undefined
  private readonly rows = new Map<string, { updatedAt: string; json: Buffer }>()
  private bytes = 0

  constructor(
    private readonly store: Store,
    private readonly cacheBytes = CACHE_BYTES,
  ) {}

  /** id → name maps for authorization responses; reused while no name can have changed. */
  currentNames(): Names {
    const version = this.store.db.version('names')
    if (version === undefined) return loadNames(this.store)
    if (version !== this.version || !this.names) {
      this.version = version
      this.names = loadNames(this.store)
      this.clear()
    }
    return this.names
  }

  /** Bytes of JSON held by the cache. */
  get cachedBytes(): number {
    return this.bytes
  }

  /**
   * The body of GET /api/v2/authorizations, streamed: the tokens matching `filter` that `include`
   * accepts, skipping those whose user or org is gone, byte for byte as JSON.stringify would write
   * them. Which tokens are listed is decided at once; each is read when its chunk is built, so a
   * token changed meanwhile is sent as it is then, and one deleted meanwhile is left out.
   */
  listJson(filter: AuthorizationFilter, include: (a: AuthorizationVersion) => boolean): ReadableStream<Uint8Array> {
    const chunks = this.listChunks(filter, include)
    return new ReadableStream({
      pull(controller) {
        const next = chunks.next()
        if (next.done) controller.close()
        else controller.enqueue(next.value)
      },
      cancel() {
        chunks.return(undefined)
      },
    })
  }

  /** The list body in chunks of about CHUNK_BYTES, each built when asked for. */
  *listChunks(filter: AuthorizationFilter, include: (a: AuthorizationVersion) => boolean): Generator<Buffer, void, undefined> {
    const names = this.currentNames()
    const ids = this.store.authorizations.listVersions(filter).filter(include).map((a) => a.id)
    let parts: Buffer[] = [LIST_START]
    let size = LIST_START.length
    let first = true
    for (let start = 0; start < ids.length; start += TOKENS_PER_READ) {
      for (const json of this.jsonOf(ids.slice(start, start + TOKENS_PER_READ), names)) {
        if (!first) parts.push(COMMA)
        first = false
        parts.push(json)
        size += json.length + 1
        if (size >= CHUNK_BYTES) {
          yield Buffer.concat(parts)
          parts = []
          size = 0
        }
      }
    }
    parts.push(LIST_END)
    yield Buffer.concat(parts)
  }

  /** The response JSON of each of `ids` that still exists, in order: cached, or read and serialized. */
  private jsonOf(ids: string[], names: Names): Buffer[] {
    const current = this.store.authorizations.versionsByIds(ids)
    // Taken before anything new is cached: caching may evict entries of this very batch.
    const json = new Map<string, Buffer | undefined>()
    const stale: string[] = []
    for (const a of current) {
      const cached = this.rows.get(a.id)
      if (cached?.updatedAt === a.updatedAt) json.set(a.id, cached.json)
      else stale.push(a.id)
    }
    if (stale.length > 0) {
      const cacheable = this.names === names
      for (const record of this.store.authorizations.recordsByIds(stale)) {
        const response = authorizationResponse(parseAuthorization(record), names)
        const encoded = response && Buffer.from(JSON.stringify(response))
        json.set(record.id, encoded)
        if (encoded && cacheable) this.remember(record.id, record.updatedAt, encoded)
      }
    }
    return current.flatMap((a) => json.get(a.id) ?? [])
  }

  private remember(id: string, updatedAt: string, json: Buffer): void {
    this.forget(id)
    if (json.length > this.cacheBytes) return
    this.rows.set(id, { updatedAt, json })
    this.bytes += json.length
    for (const [oldest, entry] of this.rows) {
      if (this.bytes <= this.cacheBytes) break
      this.rows.delete(oldest)
      this.bytes -= entry.json.length
    }
  }

  private clear(): void {
    this.rows.clear()
    this.bytes = 0
  }

  /** Drops a deleted token's JSON. */
  forget(id: string): void {
    const entry = this.rows.get(id)
    if (!entry) return
    this.rows.delete(id)
    this.bytes -= entry.json.length
  }
}
