/**
 * Zod building blocks for decoding a JSON request body the way InfluxDB's decoder reports it:
 * `invalid json structure: <field> must be a string` and the like, `null` read as absent.
 */
import { z } from 'zod'
import { idError } from './id'

/** How a decoding message names the value at `path`: its key, `permissions[0]` for an item, `request body` for the root. */
function nameAt(path: readonly PropertyKey[] = []): string {
  const last = path.at(-1)
  if (last === undefined) return 'request body'
  if (typeof last === 'number') return `${String(path.at(-2))}[${last}]`
  return String(last)
}

const named = (problem: string) => ({ error: (issue: { path?: PropertyKey[] }) => `${nameAt(issue.path)} ${problem}` })

/** A JSON string; `null` reads as absent, as Go's decoder does. A lone surrogate cannot be stored as UTF-8. */
export const jsonText = z
  .string(named('must be a string'))
  .refine((value) => !/\p{Cs}/u.test(value), named('is not valid Unicode'))
  .nullish()
  .transform((value) => value ?? undefined)

/** An ID inside the body: InfluxDB reports a malformed one as a decoding error; kept lowercase. */
export const jsonId = jsonText
  .superRefine((value, ctx) => {
    const error = value === undefined ? undefined : idError(value)
    if (error) ctx.addIssue({ code: 'custom', message: error })
  })
  .transform((value) => value?.toLowerCase())

export const jsonObject = <Shape extends z.ZodRawShape>(shape: Shape) => z.object(shape, named('must be an object'))

export const jsonArray = <Item extends z.ZodType>(item: Item) =>
  z
    .array(item, named('must be an array'))
    .nullish()
    .transform((value) => value ?? undefined)

/** The whole path, as `retentionRules[0].everySeconds`. */
function pathText(path: readonly PropertyKey[] = []): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('')
}

/**
 * A JSON number that InfluxDB decodes into an int64, where anything else (a fraction, 1e308) is a
 * decoding error. JSON numbers arrive as doubles, so past 2^53 the value sent is no longer known
 * exactly: those are refused too, which InfluxDB would accept.
 */
export const jsonInt64 = z
  .number(named('must be a number'))
  .refine((value) => Number.isSafeInteger(value), {
    error: (issue: { path?: PropertyKey[]; input?: unknown }) =>
      `${pathText(issue.path)} must be an integer between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}, got ${String(issue.input)}`,
  })
  .nullish()
  .transform((value) => value ?? undefined)
