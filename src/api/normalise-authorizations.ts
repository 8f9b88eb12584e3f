/**
 * The body of `GET /api/v2/authorizations`, made small enough to keep. The API does not page this
 * list, and most of it repeats: every all-access token carries the same 40-odd permissions,
 * read/write tokens name the same buckets, every token the same org and owner.
 *
 * Both functions work in place on what `JSON.parse` returned and change no value: the result
 * equals the input, without each token's `links` (URLs made from its IDs, which the app never
 * follows). Anything not shaped like a token list is left as it is.
 */
type Json = Record<string, unknown>

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The worker's whole job: the body as fetched (UTF-8 bytes) to the normalised list. Throws
 * wherever `JSON.parse` throws.
 */
export function parseAuthorizations(body: ArrayBuffer): unknown {
  return normaliseAuthorizations(JSON.parse(new TextDecoder().decode(body)))
}

/**
 * Equal resources, permissions and permission lists become one object that every token holding
 * them shares, and `links` are dropped. Run in the worker that parses the list: a structured clone
 * keeps shared objects shared.
 */
export function normaliseAuthorizations<T>(document: T): T {
  if (!isRecord(document) || !Array.isArray(document.authorizations)) return document
  const shared = new SharedValues()
  for (const token of document.authorizations) {
    if (!isRecord(token)) continue
    delete token.links
    if (Array.isArray(token.permissions)) token.permissions = shared.list(token.permissions)
  }
  return document
}

/**
 * Equal strings become one string, each shared object visited once. Run where the list is kept:
 * a structured clone copies every string anew, even one it has seen.
 */
export function shareStrings<T>(value: T): T {
  const strings = new Map<string, string>()
  const seen = new Set<object>()
  function visit(value: unknown): unknown {
    if (typeof value === 'string') {
      const known = strings.get(value)
      if (known !== undefined) return known
      strings.set(value, value)
      return value
    }
    if (typeof value !== 'object' || value === null || seen.has(value)) return value
    seen.add(value)
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = visit(value[i])
    } else {
      const record = value as Json
      for (const key in record) record[key] = visit(record[key])
    }
    return value
  }
  return visit(value) as T
}

/** A trie node: equal sequences of keys (compared as Map keys are) lead to one node. */
class Node {
  private readonly next = new Map<unknown, Node>()
  value: unknown

  to(key: unknown): Node {
    let node = this.next.get(key)
    if (node === undefined) this.next.set(key, (node = new Node()))
    return node
  }
}

/**
 * Permission lists, permissions and resources seen so far. Found by walking their members rather
 * than by a text key: building and hashing a key for each of a quarter of a million permissions
 * costs several times what walking them does.
 */
class SharedValues {
  private readonly lists = new Node()
  private readonly records = new Node()

  /** The first list equal to `permissions` (whose permissions become the shared ones). */
  list(permissions: unknown[]): unknown[] {
    let node: Node | undefined = this.lists
    for (let i = 0; i < permissions.length; i++) {
      const permission = permissions[i]
      const shared = isRecord(permission) ? this.record(permission) : undefined
      if (shared) permissions[i] = shared
      node = shared && node?.to(shared)
    }
    if (!node) return permissions
    node.value ??= permissions
    return node.value as unknown[]
  }

  /**
   * The first record equal to `record`, for one whose members are strings, or a `resource` that
   * is itself shared (so the read and the write permission of a bucket hold one resource).
   * Undefined for any other record (InfluxDB sends none): it is kept as it is.
   */
  private record(record: Json): Json | undefined {
    let node = this.records
    for (const name in record) {
      let member = record[name]
      if (name === 'resource' && isRecord(member)) {
        const resource = this.record(member)
        if (!resource) return undefined
        member = record[name] = resource
      } else if (typeof member !== 'string') {
        return undefined
      }
      node = node.to(name).to(member)
    }
    node.value ??= record
    return node.value as Json
  }
}
