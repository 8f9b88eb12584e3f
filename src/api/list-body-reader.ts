import { parseJsonOrUndefined } from '@/lib/json'

/**
 * The body of a list answer, `{"links": …, "authorizations": [ … ]}`, read as it downloads. With
 * each chunk, the tokens that are wholly in are parsed, so that parsing a list of tens of
 * megabytes overlaps its download instead of following it. Hand-written because no JSON library
 * parses a stream at JSON.parse's speed: this only guesses where one token ends and the next
 * begins, and JSON.parse reads (and so checks) every part.
 *
 * `parse()` returns what JSON.parse would return for the whole body, and throws where it throws:
 * whatever the early reading cannot vouch for (a part that is not JSON among them) is left for one
 * parse of the whole body at the end, which then reports the error.
 */
export class ListBodyReader {
  private readonly decoder = new TextDecoder()
  /** Every part of the body, for the whole parse when the early reading gives up. */
  private readonly parts: string[] = []
  private early: EarlyList | undefined = new EarlyList()

  push(chunk: Uint8Array): void {
    this.add(this.decoder.decode(chunk, { stream: true }))
  }

  parse(): unknown {
    this.add(this.decoder.decode())
    const early = this.early?.finish()
    return early ? early.document : JSON.parse(this.parts.join(''))
  }

  private add(text: string) {
    this.parts.push(text)
    if (this.early && !this.early.push(text)) this.early = undefined
  }
}

const SPACE = '[ \\t\\n\\r]*'
/** The start of the array, which InfluxDB writes after a few hundred bytes of links at most. */
const ARRAY_START = new RegExp(`"authorizations"${SPACE}:${SPACE}\\[`)
const HEAD_LIMIT = 64 * 1024
const SPACES = ' \t\n\r'

/**
 * The last place in `text` where one token ends and the next begins, as InfluxDB writes them
 * (`id` first): the index just past the `}` and that of the `{`. A match inside a token (a
 * nested object that also starts with `id`) leaves an unbalanced part, which JSON.parse refuses:
 * that part is then read with the next chunk. A quote inside a string is always escaped, so
 * `{"id"` cannot match there.
 */
function lastBoundary(text: string): { end: number; next: number } | undefined {
  const before = (at: number) => {
    while (at >= 0 && SPACES.includes(text[at] as string)) at--
    return at
  }
  for (let id = text.lastIndexOf('"id"'); id > 0; id = text.lastIndexOf('"id"', id - 1)) {
    const open = before(id - 1)
    if (text[open] !== '{') continue
    const comma = before(open - 1)
    if (text[comma] !== ',') continue
    const close = before(comma - 1)
    if (text[close] === '}') return { end: close + 1, next: open }
  }
  return undefined
}

/** The early reading: `push` and `finish` answer false or undefined when it cannot go on. */
class EarlyList {
  /** The body up to the array's `[`, once it is in. */
  private head: string | undefined
  /** Text not yet parsed: from the start of a token (or of the array) on. */
  private text = ''
  private readonly tokens: unknown[] = []
  /** Stands for the tokens already parsed when the rest is parsed with the head. */
  private readonly placeholder = `early list ${Math.random()}`

  push(chunk: string): boolean {
    this.text += chunk
    if (this.head === undefined) {
      const start = ARRAY_START.exec(this.text)
      if (!start) return this.text.length < HEAD_LIMIT
      this.head = this.text.slice(0, start.index + start[0].length)
      this.text = this.text.slice(this.head.length)
    }
    const boundary = lastBoundary(this.text)
    if (!boundary) return true
    // From the previous boundary to this one: whole tokens with commas between them.
    const tokens = parseJsonOrUndefined(`[${this.text.slice(0, boundary.end)}]`) as unknown[] | undefined
    if (!tokens) return true
    for (const token of tokens) this.tokens.push(token)
    this.text = this.text.slice(boundary.next)
    return true
  }

  /**
   * The document: the head and the rest parsed together, with the placeholder where the tokens
   * parsed so far go. That this parses, and that the placeholder is where the document's
   * `authorizations` are (not in a later member of that name), vouches for the whole.
   */
  finish(): { document: unknown } | undefined {
    if (this.head === undefined || this.tokens.length === 0) return undefined
    const document = parseJsonOrUndefined(`${this.head}${JSON.stringify(this.placeholder)},${this.text}`) as { authorizations?: unknown } | undefined
    if (!document || !Array.isArray(document.authorizations) || document.authorizations[0] !== this.placeholder) return undefined
    const rest: unknown[] = document.authorizations
    for (let i = 1; i < rest.length; i++) this.tokens.push(rest[i])
    document.authorizations = this.tokens
    return { document }
  }
}
