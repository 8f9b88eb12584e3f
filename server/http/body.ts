import { ApiError, invalid } from './errors.ts'

export const JSON_LIMIT = 1024 * 1024
export const WRITE_LIMIT = 25 * 1024 * 1024

const tooLarge = (message: string) => new ApiError('request too large', message)

/** Reads the whole body, refusing (413) once it passes `limit` bytes. */
export async function readBody(request: Request, limit: number, message: string): Promise<Buffer> {
  const declared = request.headers.get('content-length')
  if (declared !== null) {
    if (Number(declared) > limit) throw tooLarge(message)
    // Node's parser passes exactly the declared length (and refuses a malformed one), so it can be
    // read in one go, without the stream objects a chunked body needs (a tenth of a POST's cost).
    return Buffer.from(await request.arrayBuffer())
  }
  if (!request.body) return Buffer.alloc(0)
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = request.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      throw tooLarge(message)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}

function isJsonType(contentType: string): boolean {
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  return mediaType === 'application/json' || mediaType.endsWith('+json')
}

/**
 * Decodes a JSON request body. Unlike InfluxDB (which reads any body as JSON), a missing or
 * non-JSON Content-Type is 415, so a cross-site form post can never reach a write endpoint,
 * and malformed JSON is 400 instead of 500.
 */
export async function readJson(request: Request): Promise<unknown> {
  const contentType = request.headers.get('content-type')
  if (contentType === null || !isJsonType(contentType)) {
    const got = contentType === null ? 'no content type' : `unsupported media type "${contentType}"`
    throw new ApiError('unsupported media type', `${got}: expected application/json`)
  }
  const body = await readBody(request, JSON_LIMIT, 'request body is larger than 1 MiB')
  const text = body.toString('utf8')
  if (text.trim() === '') throw invalid('invalid json structure: request body is empty')
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw invalid(`invalid json structure: ${(error as Error).message}`)
  }
}

export type JsonObject = Record<string, unknown>

const structure = (message: string) => invalid(`invalid json structure: ${message}`)

export function expectObject(value: unknown, what = 'request body'): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw structure(`${what} must be an object`)
  return value as JsonObject
}

/** An own property only, so keys like `__proto__` or `constructor` never reach the prototype chain. */
function field(obj: JsonObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined
}

export function optionalString(obj: JsonObject, key: string): string | undefined {
  const value = field(obj, key)
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw structure(`${key} must be a string`)
  // A lone surrogate cannot be stored as UTF-8: SQLite would keep U+FFFD instead of what was sent.
  if (/\p{Cs}/u.test(value)) throw structure(`${key} is not valid Unicode`)
  return value
}

export function optionalNumber(obj: JsonObject, key: string): number | undefined {
  const value = field(obj, key)
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || !Number.isFinite(value)) throw structure(`${key} must be a number`)
  return value
}

export function optionalArray(obj: JsonObject, key: string): unknown[] | undefined {
  const value = field(obj, key)
  if (value === undefined || value === null) return undefined
  if (!Array.isArray(value)) throw structure(`${key} must be an array`)
  return value
}

export function optionalObject(obj: JsonObject, key: string): JsonObject | undefined {
  const value = field(obj, key)
  if (value === undefined || value === null) return undefined
  return expectObject(value, key)
}
