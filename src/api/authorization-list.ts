/**
 * Reads the body of `GET /api/v2/authorizations` into the value `JSON.parse` would give, with
 * what repeats shared rather than copied, and without each token's `links`.
 *
 * The API does not page this list: 10,000 tokens are about 33 MB of JSON, most of it the same
 * permissions over and over (every all-access token carries the same 40-odd, read/write tokens
 * name the same buckets). `JSON.parse` builds a fresh object and fresh strings for every one of
 * them (~1.5 million strings, 60 MB of heap), and decoding the body as one string makes it all
 * two bytes per character as soon as one description is not ASCII.
 *
 * So the body is cut into tokens where InfluxDB starts one (`},{"id":`) and read in two steps
 * (see ListReader): first each token without its permission list, then each permission list,
 * looked up (and failing that each permission) by its exact text among those already read, so
 * only text never seen before is parsed. A first load shows its first screen between the two.
 * Every character still goes through `JSON.parse` once (the document without its tokens, each
 * token without its permissions, each distinct permission) and every cut is checked to fall
 * exactly between two tokens, so invalid JSON is refused exactly as before. Anything unusual
 * falls back to reading the body as one text, and failing that to `JSON.parse` of the whole.
 *
 * Shared permissions, resources and permission lists are frozen: they belong to many tokens.
 */
import { stringPool, type StringPool } from '@/lib/string-pool'
import type { Authorization, Authorizations, Permission } from './contract'

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COLON = 0x3a
const COMMA = 0x2c
const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d
const OPEN_ARRAY = 0x5b
const CLOSE_ARRAY = 0x5d

// What InfluxDB writes right after a token's permission list: `,"links":{"self":"…","user":"…"}`,
// an object of strings without quotes, backslashes or control characters (valid JSON by itself).
const LINKS_AFTER_LIST = /\s*,\s*"links"\s*:\s*\{\s*(?:"[ !#-[\]-\uffff]*"\s*:\s*"[ !#-[\]-\uffff]*"\s*(?:,\s*"[ !#-[\]-\uffff]*"\s*:\s*"[ !#-[\]-\uffff]*"\s*)*)?\}(?=\s*[,}])/y

/**
 * JSON.parse of one token's text, whose permission list ends at `listEnd`, leaving out the links
 * InfluxDB writes after it: URLs made from its IDs, which the app never follows (0.7 MB at 10,000
 * tokens). They are a whole member of the token, so cutting them changes no verdict on the text.
 */
function parseToken(text: string, listEnd: number): Authorization {
  LINKS_AFTER_LIST.lastIndex = listEnd
  if (listEnd < 0 || !LINKS_AFTER_LIST.test(text)) return JSON.parse(text) as Authorization
  return JSON.parse(text.slice(0, listEnd) + text.slice(LINKS_AFTER_LIST.lastIndex)) as Authorization
}

/** Thrown when the text is not shaped as the faster paths expect. */
class Unusual extends Error {}

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const inner of Object.values(value)) deepFreeze(inner)
  }
  return value
}

// Short strings that repeat across tokens and permissions; each is kept once.
const SHARED_TOKEN_FIELDS = ['status', 'orgID', 'org', 'userID', 'user'] as const
const SHARED_RESOURCE_FIELDS = ['type', 'id', 'orgID', 'name', 'org'] as const

// How InfluxDB starts a permission's text; what follows `"resource":` is then a key for the resource.
const PERMISSION_STARTS = ['{"action":"read","resource":', '{"action":"write","resource":']

/**
 * The text of a permission after its action, which determines its resource: the read and the
 * write permission of one bucket can then share one resource object.
 */
function resourceKey(text: string): string | undefined {
  for (const start of PERMISSION_STARTS) if (text.startsWith(start)) return text.slice(start.length)
  return undefined
}

/**
 * What one list's tokens share: strings, permissions and permission lists by their exact text,
 * resources by the text of their permissions after the action.
 */
class Shared {
  readonly permissions = new Map<string, Permission>()
  readonly lists = new Map<string, Permission[]>()
  private readonly resources = new Map<string, Permission['resource']>()

  constructor(readonly string: StringPool) {}

  token(token: Authorization): Authorization {
    if (typeof token !== 'object' || token === null) return token
    const fields = token as unknown as Record<string, unknown>
    this.shareFields(fields, SHARED_TOKEN_FIELDS)
    // Only for links parseToken could not leave out: this makes a slower, larger kind of object.
    if ('links' in fields) delete fields.links
    // A token never changed was updated when it was created: one string for both (0.4 MB at 10,000).
    if (typeof fields.createdAt === 'string' && fields.updatedAt === fields.createdAt) fields.updatedAt = fields.createdAt
    return token
  }

  /** The shared, frozen permission for `text`, parsing it if it is new. */
  permission(text: string): Permission {
    const seen = this.permissions.get(text)
    if (seen) return seen
    const permission = JSON.parse(text) as Permission
    if (typeof permission === 'object' && permission !== null) {
      if (typeof permission.action === 'string') permission.action = this.string(permission.action) as Permission['action']
      const key = resourceKey(text)
      const sameResource = key === undefined ? undefined : this.resources.get(key)
      if (sameResource) {
        permission.resource = sameResource
      } else {
        const resource = permission.resource as unknown as Record<string, unknown> | undefined
        if (typeof resource === 'object' && resource !== null) this.shareFields(resource, SHARED_RESOURCE_FIELDS)
        if (key !== undefined) this.resources.set(key, permission.resource)
      }
    }
    this.permissions.set(text, deepFreeze(permission))
    return permission
  }

  /** Replaces each of `fields` in `record` that is a string by the pool's copy. */
  private shareFields(record: Record<string, unknown>, fields: readonly string[]): void {
    for (const field of fields) {
      const value = record[field]
      if (typeof value === 'string') record[field] = this.string(value)
    }
  }

  list(text: string, permissions: Permission[]): Permission[] {
    const seen = this.lists.get(text)
    if (seen) return seen
    // A copy, because an array grown by push keeps room for up to as many again (0.3 MB at 10,000 tokens).
    const list = Object.freeze(permissions.slice()) as Permission[]
    this.lists.set(text, list)
    return list
  }
}

/** Reads one text (the whole body, or one piece of it) with `shared`. */
class TextReader {
  constructor(
    private readonly s: string,
    private readonly shared: Shared,
  ) {}

  /** The whole body: the top-level object, its `authorizations` array read token by token. */
  readDocument(): Authorizations {
    const s = this.s
    const open = this.findList()
    if (open < 0) return JSON.parse(s) as Authorizations
    const { end, tokens } = this.readTokens(this.skipWhitespace(open + 1))
    this.readRest(end)
    return assemble(s.slice(0, open), tokens, s.slice(end))
  }

  /**
   * The start of a body, which must end with the `[` (and any whitespace) that opens its
   * `authorizations` array: returns the text before the `[`.
   */
  readPrefix(): string {
    const open = this.findList()
    if (open < 0 || this.skipWhitespace(open + 1) !== this.s.length) throw new Unusual()
    return this.s.slice(0, open)
  }

  /**
   * Walks the top-level object's members up to the `[` of its `authorizations` array and returns
   * its index, or -1 when the object closes without one (left to JSON.parse, which also checks
   * what follows).
   */
  private findList(): number {
    const s = this.s
    let i = this.skipWhitespace(0)
    if (s.charCodeAt(i) !== OPEN_OBJECT) throw new Unusual()
    i = this.skipWhitespace(i + 1)
    if (s.charCodeAt(i) === CLOSE_OBJECT) return -1
    for (;;) {
      const { end: valueStart, isList } = this.readMemberName(i)
      if (isList && s.charCodeAt(valueStart) === OPEN_ARRAY) return valueStart
      i = this.skipWhitespace(this.skipValue(valueStart))
      if (s.charCodeAt(i) === CLOSE_OBJECT) return -1
      if (s.charCodeAt(i) !== COMMA) throw new Unusual()
      i = this.skipWhitespace(i + 1)
    }
  }

  /**
   * The members after the `authorizations` array, from `start` (just after its `]`) to the end of
   * the text. Another `authorizations` there would replace the list, which is left to JSON.parse.
   */
  private readRest(start: number): void {
    const s = this.s
    let i = this.skipWhitespace(start)
    while (s.charCodeAt(i) === COMMA) {
      const { end: valueStart, isList } = this.readMemberName(this.skipWhitespace(i + 1))
      if (isList) throw new Unusual()
      i = this.skipWhitespace(this.skipValue(valueStart))
    }
    if (s.charCodeAt(i) !== CLOSE_OBJECT || this.skipWhitespace(i + 1) !== s.length) throw new Unusual()
  }

  /** A text that is exactly one token (and whitespace). */
  readOnlyToken(tokens: Authorization[]): void {
    const s = this.s
    if (s.charCodeAt(0) !== OPEN_OBJECT || this.skipWhitespace(this.readToken(0, tokens)) !== s.length) throw new Unusual()
  }

  /** A text that is the last token, the `]` closing the array, and the rest of the body: returns that rest. */
  readLastToken(tokens: Authorization[]): string {
    const s = this.s
    if (s.charCodeAt(0) !== OPEN_OBJECT) throw new Unusual()
    const i = this.skipWhitespace(this.readToken(0, tokens))
    if (s.charCodeAt(i) !== CLOSE_ARRAY) throw new Unusual()
    this.readRest(i + 1)
    return s.slice(i + 1)
  }

  /** A member name at `start`, its colon and whitespace: where its value starts, and whether it is `authorizations`. */
  private readMemberName(start: number): { end: number; isList: boolean } {
    const s = this.s
    const nameEnd = this.skipName(start)
    const isList = nameEnd - start === 16 && s.startsWith('"authorizations"', start)
    const colon = this.skipWhitespace(nameEnd)
    if (s.charCodeAt(colon) !== COLON) throw new Unusual()
    return { end: this.skipWhitespace(colon + 1), isList }
  }

  /** Tokens from `start` through the `]` closing the array; returns the index after it. */
  private readTokens(start: number): { end: number; tokens: Authorization[] } {
    const s = this.s
    const tokens: Authorization[] = []
    let i = start
    if (s.charCodeAt(i) === CLOSE_ARRAY) return { end: i + 1, tokens }
    for (;;) {
      if (s.charCodeAt(i) !== OPEN_OBJECT) throw new Unusual()
      i = this.skipWhitespace(this.readToken(i, tokens))
      if (s.charCodeAt(i) === COMMA) i = this.skipWhitespace(i + 1)
      else if (s.charCodeAt(i) === CLOSE_ARRAY) return { end: i + 1, tokens }
      else throw new Unusual()
    }
  }

  /** `{` at `start`: parses one token (all but its permissions) and appends it; returns its end. */
  private readToken(start: number, tokens: Authorization[]): number {
    const s = this.s
    let permissionsOpen = -1
    let permissionsClose = -1
    let permissions: Permission[] = []
    let i = this.skipWhitespace(start + 1)
    if (s.charCodeAt(i) !== CLOSE_OBJECT) {
      for (;;) {
        const nameEnd = this.skipName(i)
        const isPermissions = nameEnd - i === 13 && s.startsWith('"permissions"', i)
        i = this.skipWhitespace(nameEnd)
        if (s.charCodeAt(i) !== COLON) throw new Unusual()
        i = this.skipWhitespace(i + 1)
        if (isPermissions && s.charCodeAt(i) === OPEN_ARRAY) {
          if (permissionsOpen >= 0) throw new Unusual()
          permissionsOpen = i
          ;({ end: i, permissions } = this.readPermissions(i))
          permissionsClose = i
        } else {
          i = this.skipValue(i)
        }
        i = this.skipWhitespace(i)
        if (s.charCodeAt(i) === COMMA) i = this.skipWhitespace(i + 1)
        else if (s.charCodeAt(i) === CLOSE_OBJECT) break
        else throw new Unusual()
      }
    }
    const end = i + 1
    if (permissionsOpen < 0) {
      tokens.push(this.shared.token(parseToken(s.slice(start, end), -1)))
      return end
    }
    const token = parseToken(s.slice(start, permissionsOpen) + '[]' + s.slice(permissionsClose, end), permissionsOpen - start + 2)
    token.permissions = permissions
    tokens.push(this.shared.token(token))
    return end
  }

  /** A text that is exactly one permission list (a JSON array). */
  readOnlyPermissions(): Permission[] {
    const { end, permissions } = this.readPermissions(0)
    if (end !== this.s.length) throw new Unusual()
    return permissions
  }

  /**
   * `[` at `start`: the permissions, each an object. A text equal to one already read is a
   * complete value, so the first `]` after `start` is tried as the end before reading on.
   */
  private readPermissions(start: number): { end: number; permissions: Permission[] } {
    const s = this.s
    const guess = s.indexOf(']', start)
    const guessed = guess < 0 ? '' : s.slice(start, guess + 1)
    const known = this.shared.lists.get(guessed)
    if (known) return { end: guess + 1, permissions: known }

    const permissions: Permission[] = []
    let i = this.skipWhitespace(start + 1)
    if (s.charCodeAt(i) !== CLOSE_ARRAY) {
      for (;;) {
        if (s.charCodeAt(i) !== OPEN_OBJECT) throw new Unusual()
        i = this.readPermission(i, permissions)
        i = this.skipWhitespace(i)
        if (s.charCodeAt(i) === COMMA) i = this.skipWhitespace(i + 1)
        else if (s.charCodeAt(i) === CLOSE_ARRAY) break
        else throw new Unusual()
      }
    }
    const end = i + 1
    // Usually the guess was right; reusing that string reuses its hash.
    const text = end === guess + 1 ? guessed : s.slice(start, end)
    return { end, permissions: this.shared.list(text, permissions) }
  }

  /** `{` at `start`: appends the permission; returns its end. */
  private readPermission(start: number, permissions: Permission[]): number {
    const s = this.s
    // The second `}` ends a permission whose resource is its last member, as InfluxDB writes them.
    const guess = s.indexOf('}', s.indexOf('}', start) + 1)
    const known = guess < 0 ? undefined : this.shared.permissions.get(s.slice(start, guess + 1))
    if (known) {
      permissions.push(known)
      return guess + 1
    }
    const end = this.skipNested(start)
    permissions.push(this.shared.permission(s.slice(start, end)))
    return end
  }

  private skipWhitespace(start: number): number {
    const s = this.s
    let i = start
    while (i < s.length && isWhitespace(s.charCodeAt(i))) i++
    return i
  }

  /** A member name without escapes (anything else is unusual); returns the index after it. */
  private skipName(start: number): number {
    const s = this.s
    if (s.charCodeAt(start) !== QUOTE) throw new Unusual()
    const end = s.indexOf('"', start + 1)
    if (end < 0) throw new Unusual()
    for (let i = start + 1; i < end; i++) if (s.charCodeAt(i) === BACKSLASH) throw new Unusual()
    return end + 1
  }

  /** Any value; its text is checked later by the JSON.parse of whatever contains it. */
  private skipValue(start: number): number {
    const s = this.s
    const first = s.charCodeAt(start)
    if (first === OPEN_OBJECT || first === OPEN_ARRAY) return this.skipNested(start)
    if (first === QUOTE) return this.skipString(start)
    let i = start
    while (i < s.length) {
      const c = s.charCodeAt(i)
      if (c === COMMA || c === CLOSE_OBJECT || c === CLOSE_ARRAY || isWhitespace(c)) break
      i++
    }
    if (i === start) throw new Unusual()
    return i
  }

  /** `"` at `start`: the index after the closing quote (one not escaped by an odd run of `\`). */
  private skipString(start: number): number {
    const s = this.s
    let end = s.indexOf('"', start + 1)
    while (end > 0) {
      let backslashes = 0
      while (s.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes++
      if (backslashes % 2 === 0) return end + 1
      end = s.indexOf('"', end + 1)
    }
    throw new Unusual()
  }

  private skipNested(start: number): number {
    const s = this.s
    let depth = 0
    for (let i = start; i < s.length; i++) {
      const c = s.charCodeAt(i)
      if (c === QUOTE) i = this.skipString(i) - 1
      else if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++
      else if ((c === CLOSE_OBJECT || c === CLOSE_ARRAY) && --depth === 0) return i + 1
    }
    throw new Unusual()
  }
}

function assemble(prefix: string, tokens: Authorization[], suffix: string): Authorizations {
  const document = JSON.parse(prefix + '[]' + suffix) as Authorizations
  document.authorizations = tokens
  return document
}

const LIST_NAME = ascii('"authorizations"')
const ID_NAME = ascii('"id"')

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0))
}

function bytesAt(bytes: Uint8Array, at: number, expected: Uint8Array): boolean {
  for (let k = 0; k < expected.length; k++) if (bytes[at + k] !== expected[k]) return false
  return true
}

function skipSpace(bytes: Uint8Array, from: number, step: 1 | -1): number {
  let i = from
  while (isWhitespace(bytes[i] as number)) i += step
  return i
}

/** The index of the first token's `{` in a body (after `"authorizations": [`), or -1. */
function findListStart(bytes: Uint8Array): number {
  for (let name = bytes.indexOf(QUOTE); name >= 0; name = bytes.indexOf(QUOTE, name + 1)) {
    if (!bytesAt(bytes, name, LIST_NAME)) continue
    const colon = skipSpace(bytes, name + LIST_NAME.length, 1)
    const open = skipSpace(bytes, colon + 1, 1)
    if (bytes[colon] !== COLON || bytes[open] !== OPEN_ARRAY) continue
    const first = skipSpace(bytes, open + 1, 1)
    return bytes[first] === OPEN_OBJECT ? first : -1
  }
  return -1
}

/**
 * Where the next token probably starts after the one at `from`: the next `{` that follows `},`
 * and is followed by `"id":` (whitespace allowed, as InfluxDB indents with tabs), or -1. Only a
 * guess: the piece up to it is then checked to be exactly one token.
 */
function guessNextToken(bytes: Uint8Array, from: number): number {
  for (let i = bytes.indexOf(OPEN_OBJECT, from + 1); i >= 0; i = bytes.indexOf(OPEN_OBJECT, i + 1)) {
    const comma = skipSpace(bytes, i - 1, -1)
    if (bytes[comma] !== COMMA || bytes[skipSpace(bytes, comma - 1, -1)] !== CLOSE_OBJECT) continue
    const name = skipSpace(bytes, i + 1, 1)
    if (bytesAt(bytes, name, ID_NAME) && bytes[skipSpace(bytes, name + ID_NAME.length, 1)] === COLON) return i
  }
  return -1
}

/** The comma before a guessed token start. */
const commaBefore = (bytes: Uint8Array, start: number) => skipSpace(bytes, start - 1, -1)

const PERMISSIONS_NAME = ascii('"permissions"')

/**
 * In the token starting at `start`: the `[` opening its `permissions` when that member comes
 * before any nested value (as InfluxDB writes tokens), or -1. It is the first `[` after `start`,
 * with no `{` before it, right after `"permissions":` whose quotes are not escaped: so it is not
 * inside a string, and text where it is anything but the token's own member is not JSON (which
 * the parse of the rest then refuses).
 */
function permissionsOpen(bytes: Uint8Array, start: number): number {
  // Only up to the next `{` (at the latest the next token's): tokens without a list stay linear.
  const nested = bytes.indexOf(OPEN_OBJECT, start + 1)
  const open = bytes.subarray(0, nested < 0 ? bytes.length : nested).indexOf(OPEN_ARRAY, start)
  if (open < 0) return -1
  const colon = skipSpace(bytes, open - 1, -1)
  const name = skipSpace(bytes, colon - 1, -1) + 1 - PERMISSIONS_NAME.length
  return bytes[colon] === COLON && name > start && bytes[name - 1] !== BACKSLASH && bytesAt(bytes, name, PERMISSIONS_NAME) ? open : -1
}

/** Tokens read between two chances for the page to handle input and paint (see readAuthorizationListInSlices). */
const TOKENS_PER_SLICE = 64

/** A token whose permissions are still to be read: its members but those, and where it all is. */
interface Head {
  token: Authorization
  /** The token's byte range, and its permission list's: `[` to the guessed `]`. */
  start: number
  end: number
  open: number
  close: number
}

/**
 * Reads a body in two steps. First every token but its permissions: the body is cut where tokens
 * start, and each token's text around its permission list is parsed (a tenth of the bytes). Then
 * the permission lists, shared by their exact text, in any order: the first screen's before the
 * rest. A token that does not fit that shape is read whole, in whichever step finds out.
 */
class ListReader {
  private readonly decoder = new TextDecoder()
  private readonly shared: Shared
  /** Every token in list order: complete, or a Head until its permissions are read. */
  private readonly entries: (Authorization | Head)[] = []
  private prefix = ''
  private suffix = ''
  private scratch = new Uint8Array(4096)

  constructor(
    private readonly bytes: Uint8Array,
    strings: StringPool,
  ) {
    this.shared = new Shared(strings)
  }

  private text(from: number, to: number): string {
    return this.decoder.decode(this.bytes.subarray(from, to))
  }

  /** The first step, pausing every TOKENS_PER_SLICE tokens; false when the body has no list to cut. */
  *readHeads(): Generator<void, boolean> {
    const bytes = this.bytes
    let start = findListStart(bytes)
    if (start < 0) return false
    this.prefix = new TextReader(this.text(0, start), this.shared).readPrefix()
    for (;;) {
      const open = permissionsOpen(bytes, start)
      const close = open < 0 ? -1 : bytes.indexOf(CLOSE_ARRAY, open)
      // The next token starts after this one's permissions (if the `]` is not inside a string).
      const next = guessNextToken(bytes, Math.max(start, close))
      if (next < 0) break
      this.entries.push(this.readHead(start, commaBefore(bytes, next), open, close))
      if (this.entries.length % TOKENS_PER_SLICE === 0) yield
      start = next
    }
    const last: Authorization[] = []
    this.suffix = new TextReader(this.text(start, bytes.length), this.shared).readLastToken(last)
    this.entries.push(...last)
    return true
  }

  /**
   * The token at [start, end), its permission list guessed at [open, close]: a Head when that list
   * can be set aside, else read whole.
   */
  private readHead(start: number, end: number, open: number, close: number): Authorization | Head {
    if (open >= 0 && close >= 0 && close < end) {
      const text = this.decoder.decode(this.withoutPermissions(start, end, open, close))
      try {
        // A guessed `]` inside a string leaves text that is not JSON; the second step checks the rest.
        const name = text.indexOf('"permissions"')
        if (name === text.lastIndexOf('"permissions"')) {
          // Only a colon and whitespace come between the name and the `[]` standing in for the list.
          const listEnd = name < 0 ? -1 : text.indexOf('[', name) + 2
          return { token: this.shared.token(parseToken(text, listEnd)), start, end, open, close }
        }
      } catch {
        // Read whole below.
      }
    }
    return this.readWholeToken(start, end)
  }

  /** The bytes of [start, end) with [open, close] replaced by `[]`, in a buffer reused from token to token. */
  private withoutPermissions(start: number, end: number, open: number, close: number): Uint8Array {
    const length = open - start + 2 + end - close - 1
    if (this.scratch.length < length) this.scratch = new Uint8Array(length * 2)
    const scratch = this.scratch
    scratch.set(this.bytes.subarray(start, open))
    scratch[open - start] = OPEN_ARRAY
    scratch[open - start + 1] = CLOSE_ARRAY
    scratch.set(this.bytes.subarray(close + 1, end), open - start + 2)
    return scratch.subarray(0, length)
  }

  /** The token at [start, end) by the exact path, which throws unless that is one JSON object. */
  private readWholeToken(start: number, end: number): Authorization {
    const whole: Authorization[] = []
    new TextReader(this.text(start, end), this.shared).readOnlyToken(whole)
    return whole[0] as Authorization
  }

  /** Every token as the first step read it: without its permissions where those are still to be read. */
  tokensSoFar(): Authorization[] {
    return this.entries.map((entry) => ('open' in entry ? entry.token : entry))
  }

  /** The token at `index`, complete: the same object every later call, and the final list, return. */
  complete(index: number): Authorization {
    const entry = this.entries[index] as Authorization | Head
    if (!('open' in entry)) return entry
    let token: Authorization
    try {
      const permissions = new TextReader(this.text(entry.open, entry.close + 1), this.shared).readOnlyPermissions()
      // Filled in rather than copied: one object per token, with its members inside it.
      token = entry.token
      token.permissions = permissions
    } catch {
      token = this.readWholeToken(entry.start, entry.end)
    }
    this.entries[index] = token
    return token
  }

  /** The second step for every token still without permissions, pausing every TOKENS_PER_SLICE tokens. */
  *completeAll(): Generator<void, Authorizations> {
    const tokens: Authorization[] = []
    for (let i = 0; i < this.entries.length; i++) {
      tokens.push(this.complete(i))
      if (i % TOKENS_PER_SLICE === TOKENS_PER_SLICE - 1) yield
    }
    return assemble(this.prefix, tokens, this.suffix)
  }
}

/** JSON.parse, then the same sharing, for bodies the faster readers do not expect. */
function readPlain(text: string, strings: StringPool): Authorizations {
  const document = JSON.parse(text) as Authorizations
  if (!Array.isArray(document?.authorizations)) return document
  const shared = new Shared(strings)
  for (const auth of document.authorizations) {
    if (typeof auth !== 'object' || auth === null) continue
    shared.token(auth)
    if (Array.isArray(auth.permissions)) {
      auth.permissions = Object.freeze(auth.permissions.map((p) => shared.permission(JSON.stringify(p)))) as Permission[]
    }
  }
  return document
}

/** The body as one text: for what the pieces do not fit, and to report invalid JSON. */
function readWhole(bytes: Uint8Array, strings: StringPool): Authorizations {
  const text = new TextDecoder().decode(bytes)
  try {
    return new TextReader(text, new Shared(strings)).readDocument()
  } catch (error) {
    if (!(error instanceof Unusual)) throw error
    return readPlain(text, strings)
  }
}

/** Runs `steps` to the end without pausing. */
function straight<T>(steps: Generator<void, T>): T {
  let step = steps.next()
  while (!step.done) step = steps.next()
  return step.value
}

/** Both steps of a ListReader, straight through; null when the body is not shaped for it. */
function* readBothSteps(reader: ListReader): Generator<void, Authorizations | null> {
  if (!(yield* reader.readHeads())) return null
  return yield* reader.completeAll()
}

/**
 * The UTF-8 body of a token list, as `JSON.parse` would read it (and throwing where it would), but
 * without the tokens' links. Strings equal to one `strings` knows (the names and IDs of buckets
 * already read elsewhere) are that one.
 */
export function readAuthorizationList(bytes: Uint8Array, strings: StringPool = stringPool()): Authorizations {
  let read: Authorizations | null = null
  try {
    read = straight(readBothSteps(new ListReader(bytes, strings)))
  } catch {
    // A guessed cut that was not between two tokens, or invalid JSON: the whole text decides.
  }
  return read ?? readWhole(bytes, strings)
}

/**
 * What a first read offers before it ends: every token but its permissions, to pick the first
 * screen from, and any of them complete. The picture is exact for the usual body; the full list
 * that follows settles any doubt (it is the same objects for the tokens made complete here).
 */
export interface AuthorizationListPreview {
  /**
   * Every token in list order, without its permissions (an empty list stands in for them) until
   * `complete` fills them in.
   */
  readonly tokens: readonly Authorization[]
  /** The token at `index` of `tokens`, with its permissions; the same object the list will hold. */
  complete(index: number): Authorization
}

/** What a ListReader's first step offers; emptied when the read ends, since a cache may keep it. */
class Preview implements AuthorizationListPreview {
  tokens: readonly Authorization[]
  private reader: ListReader | null

  constructor(reader: ListReader) {
    this.reader = reader
    this.tokens = reader.tokensSoFar()
  }

  complete(index: number): Authorization {
    try {
      return this.reader?.complete(index) ?? (this.tokens[index] as Authorization)
    } catch {
      // Unreadable: shown without permissions until the read fails as a whole.
      return this.tokens[index] as Authorization
    }
  }

  /** Lets go of the body and of the tokens. */
  end(): void {
    this.reader = null
    this.tokens = []
  }
}

export interface SliceOptions {
  signal?: AbortSignal
  /** Called once the first step is done, with the page given a turn to show it before the second. */
  onPreview?: (preview: AuthorizationListPreview) => void
  /** As for readAuthorizationList. */
  strings?: StringPool
}

const MAX_SLICE_MS = 10

/** Lets the browser run other tasks (input, paint, the app's own timers) before the next slice. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => resolve()
    channel.port2.postMessage(null)
  })
}

/**
 * readAuthorizationList in slices of at most ~10 ms (~0.4 s of work at 10,000 tokens), so that
 * the page stays responsive meanwhile; with `onPreview`, the first step runs straight through
 * and is shown before the second starts.
 */
export async function readAuthorizationListInSlices(
  bytes: Uint8Array,
  { signal, onPreview, strings = stringPool() }: SliceOptions = {},
): Promise<Authorizations> {
  const reader = new ListReader(bytes, strings)
  let sliceStart = performance.now()
  async function run<T>(steps: Generator<void, T>, sliced: boolean): Promise<T> {
    if (!sliced) return straight(steps)
    let step = steps.next()
    while (!step.done) {
      if (performance.now() - sliceStart > MAX_SLICE_MS) {
        await yieldToPage()
        signal?.throwIfAborted()
        sliceStart = performance.now()
      }
      step = steps.next()
    }
    return step.value
  }
  let read: Authorizations | null = null
  let preview: Preview | undefined
  try {
    if (await run(reader.readHeads(), !onPreview)) {
      if (onPreview) {
        preview = new Preview(reader)
        onPreview(preview)
        // A timer, not a message: timers run in order, so whatever the preview set off with one
        // (React Query tells its observers with one) runs before the second step.
        await new Promise((resolve) => setTimeout(resolve, 0))
        sliceStart = performance.now()
      }
      read = await run(reader.completeAll(), true)
    }
  } catch (error) {
    if (signal?.aborted) throw error
    // As in readAuthorizationList.
  } finally {
    preview?.end()
  }
  return read ?? readWhole(bytes, strings)
}
