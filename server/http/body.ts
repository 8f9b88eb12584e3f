import type { z } from 'zod'
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

/** A request that breaks `schema`, answered with the message of its first issue (schemas list them in InfluxDB's order). */
export function check<Schema extends z.ZodType>(schema: Schema, value: unknown, prefix = ''): z.output<Schema> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  throw invalid(`${prefix}${result.error.issues[0]?.message ?? 'invalid request'}`)
}

/**
 * Decodes a JSON request body with `schema` (the JSON decoding of src/api/json-schema.ts). Unlike
 * InfluxDB (which reads any body as JSON), a missing or non-JSON Content-Type is 415, so a
 * cross-site form post can never reach a write endpoint, and malformed JSON is 400 instead of 500.
 */
export async function readJson<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<z.output<Schema>> {
  const contentType = request.headers.get('content-type')
  if (contentType === null || !isJsonType(contentType)) {
    const got = contentType === null ? 'no content type' : `unsupported media type "${contentType}"`
    throw new ApiError('unsupported media type', `${got}: expected application/json`)
  }
  const body = await readBody(request, JSON_LIMIT, 'request body is larger than 1 MiB')
  const text = body.toString('utf8')
  if (text.trim() === '') throw invalid('invalid json structure: request body is empty')
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw invalid(`invalid json structure: ${(error as Error).message}`)
  }
  return check(schema, value, 'invalid json structure: ')
}
