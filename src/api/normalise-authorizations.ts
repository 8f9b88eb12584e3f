/**
 * The body of `GET /api/v2/authorizations`, made small enough to keep. The API does not page this
 * list, and most of it repeats: every all-access token carries the same 40-odd permissions,
 * read/write tokens name the same buckets, every token the same org and owner.
 *
 * These functions work on what `JSON.parse` returned, in place but for each token (kept as a
 * copy without its `links`: URLs made from its IDs, which the app never follows), and change no
 * value. Anything not shaped like a token list is left as it is.
 */
type Json = Record<string, unknown>

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Equal resources, permissions and permission lists become one object that every token holding
 * them shares, and `links` are dropped.
 */
export function normaliseAuthorizations<T>(document: T): T {
  if (!isRecord(document) || !Array.isArray(document.authorizations)) return document
  const tokens: unknown[] = document.authorizations
  const normalise = tokenNormaliser()
  for (let i = 0; i < tokens.length; i++) tokens[i] = normalise(tokens[i])
  return document
}

/**
 * normaliseAuthorizations one token at a time, so that the work can be spread over several tasks:
 * returns the token to keep in place of `token`.
 */
export function tokenNormaliser(): (token: unknown) => unknown {
  const shared = new SharedValues()
  return (token) => {
    if (!isRecord(token)) return token
    // A copy without links: `delete` would turn the token into a larger, slower kind of object.
    const { links: _links, ...kept } = token
    if (Array.isArray(kept.permissions)) kept.permissions = shared.list(kept.permissions)
    return kept
  }
}

/**
 * Equal strings become one string, each shared object visited once: each JSON.parse (and each
 * structured clone) makes every string anew, even one it has made before.
 */
export function shareStrings<T>(value: T): T {
  return stringSharer()(value)
}

/** shareStrings one value at a time: strings met in one value are shared with those that follow. */
export function stringSharer(): <T>(value: T) => T {
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
  return <T>(value: T) => visit(value) as T
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

/** Whether `a` and `b` have the same members, each the same string or the same shared object. */
function sameMembers(a: Json, b: Json): boolean {
  let count = 0
  for (const name in a) {
    if (a[name] !== b[name]) return false
    count++
  }
  for (const _ in b) count--
  return count === 0
}

/**
 * Permission lists, permissions and resources seen so far. A resource is looked up by its ID
 * (or else its org, or else its type) and a permission by its resource, then compared member by
 * member with the few seen under that hint, rather than hashing every string of every
 * permission (which costs more than parsing them).
 */
class SharedValues {
  private readonly lists = new Node()
  private readonly resources = new Map<unknown, Json[]>()
  private readonly permissions = new Map<unknown, Json[]>()

  /** The first list equal to `permissions` (whose permissions become the shared ones). */
  list(permissions: unknown[]): unknown[] {
    let node: Node | undefined = this.lists
    for (let i = 0; i < permissions.length; i++) {
      const permission = permissions[i]
      const shared = isRecord(permission) ? this.permission(permission) : undefined
      if (shared) permissions[i] = shared
      node = shared && node?.to(shared)
    }
    if (!node) return permissions
    node.value ??= permissions
    return node.value as unknown[]
  }

  /**
   * The first permission equal to `permission`: one of strings and a resource of strings, as
   * InfluxDB sends them; any other is kept as it is (undefined). The read and the write
   * permission of a bucket hold one resource.
   */
  private permission(permission: Json): Json | undefined {
    const { resource } = permission
    if (!isRecord(resource) || !onlyStrings(resource)) return undefined
    permission.resource = shared(this.resources, resource.id ?? resource.orgID ?? resource.type, resource)
    for (const name in permission) if (name !== 'resource' && typeof permission[name] !== 'string') return undefined
    return shared(this.permissions, permission.resource, permission)
  }
}

function onlyStrings(record: Json): boolean {
  for (const name in record) if (typeof record[name] !== 'string') return false
  return true
}

/** The first record seen under `hint` with the same members as `record`, or `record` itself. */
function shared(seen: Map<unknown, Json[]>, hint: unknown, record: Json): Json {
  const candidates = seen.get(hint)
  if (!candidates) {
    seen.set(hint, [record])
    return record
  }
  for (const candidate of candidates) if (sameMembers(candidate, record)) return candidate
  candidates.push(record)
  return record
}
