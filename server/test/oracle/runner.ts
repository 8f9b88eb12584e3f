import { KNOWN_FIELD_DIFFERENCES } from './known-differences.ts'
import { canonical, firstDifference, normalise, normaliseText, shape } from './normalise.ts'
import type { Server } from './targets.ts'

/** What a scenario learnt on one server: IDs, tokens and session cookies, by cast name. */
export interface Cast {
  id: Record<string, string>
  token: Record<string, string>
  cookie: Record<string, string>
}

export interface Answer {
  status: number
  /** Parsed JSON, or undefined when the body is empty or not JSON. */
  body: unknown
  text: string
  /** `name=value` of a Set-Cookie, if any. */
  cookie?: string
}

type PerCast<T> = T | ((c: Cast) => T)

/** One request, sent to both servers with each one's own IDs and credentials. */
export interface Step {
  /** Unique: known differences are listed by title. */
  title: string
  method: string
  path: PerCast<string>
  /** A cast name from `token` or `cookie`; no credential when absent. */
  as?: string
  /** Sent as JSON with `Content-Type: application/json`. */
  json?: ((c: Cast) => unknown) | Record<string, unknown> | unknown[]
  /** Sent as is, with `contentType` when given. */
  raw?: string
  contentType?: string
  headers?: PerCast<Record<string, string>>
  /**
   * `shape`: key sets and JSON types only (pages whose content depends on random IDs);
   * `status`: the status and any error only (`after` pages, whose length depends on them too).
   */
  compare?: 'values' | 'shape' | 'status'
  /** Records what the answer taught (IDs, tokens, cookies); called for a 2xx answer only. */
  then?: (c: Cast, answer: Answer) => void
}

export interface Outcome {
  step: Step
  embedded: Answer
  real: Answer
  /** The first difference found, or undefined when the answers agree. */
  difference?: string
  /** Fields whose values differed as KNOWN_FIELD_DIFFERENCES allows. */
  knownFields: string[]
}

const resolve = <T>(value: PerCast<T>, cast: Cast): T =>
  typeof value === 'function' ? (value as (c: Cast) => T)(cast) : value

export const emptyCast = (): Cast => ({ id: {}, token: {}, cookie: {} })

/** ID and token → cast name, for normalising answers. */
function namesOf(cast: Cast): Map<string, string> {
  const names = new Map<string, string>()
  for (const [name, id] of Object.entries(cast.id)) names.set(id, name)
  for (const [name, token] of Object.entries(cast.token)) names.set(token, name)
  return names
}

async function send(server: Server, cast: Cast, step: Step): Promise<Answer> {
  const headers: Record<string, string> = { ...(step.headers ? resolve(step.headers, cast) : {}) }
  if (step.as !== undefined) {
    const token = cast.token[step.as]
    const cookie = cast.cookie[step.as]
    if (token === undefined && cookie === undefined) throw new Error(`${step.title}: no credential "${step.as}" in the cast`)
    if (token !== undefined) headers.authorization = `Token ${token}`
    else if (cookie !== undefined) headers.cookie = cookie
  }
  let body: Uint8Array | undefined
  if (step.json !== undefined) {
    body = new TextEncoder().encode(JSON.stringify(resolve(step.json, cast)))
    headers['content-type'] ??= 'application/json'
  } else if (step.raw !== undefined) {
    // Bytes, not a string, so that fetch adds no Content-Type of its own.
    body = new TextEncoder().encode(step.raw)
    if (step.contentType) headers['content-type'] = step.contentType
  }
  const res = await fetch(server.url + resolve(step.path, cast), { method: step.method, headers, body: body as BodyInit | undefined })
  const text = await res.text()
  let parsed: unknown
  if (text !== '') {
    try {
      parsed = JSON.parse(text) as unknown
    } catch {
      parsed = undefined // not JSON: compared as text below
    }
  }
  const cookie = res.headers.getSetCookie()[0]?.split(';')[0]
  return { status: res.status, body: parsed, text, cookie }
}

const isError = (body: unknown): body is { code: unknown; message: unknown } =>
  typeof body === 'object' && body !== null && 'code' in body && 'message' in body

/**
 * Walks both answers side by side and, where a field differs as KNOWN_FIELD_DIFFERENCES allows,
 * copies the embedded value over the real one; returns the fields that did.
 */
function reconcile(e: unknown, r: unknown, applied: Set<string>): void {
  if (Array.isArray(e) && Array.isArray(r)) {
    e.forEach((item, i) => reconcile(item, r[i], applied))
    return
  }
  if (typeof e !== 'object' || typeof r !== 'object' || e === null || r === null) return
  const eo = e as Record<string, unknown>
  const ro = r as Record<string, unknown>
  for (const known of KNOWN_FIELD_DIFFERENCES) {
    if (known.field in eo && known.field in ro && eo[known.field] !== ro[known.field] && known.equal(eo[known.field], ro[known.field])) {
      ro[known.field] = eo[known.field]
      applied.add(known.field)
    }
  }
  for (const key of Object.keys(eo)) if (key in ro) reconcile(eo[key], ro[key], applied)
}

function compare(step: Step, embedded: Answer, real: Answer, castE: Cast, castR: Cast, applied: Set<string>): string | undefined {
  if (embedded.status !== real.status) return `status ${embedded.status} ≠ ${real.status}`
  const namesE = namesOf(castE)
  const namesR = namesOf(castR)
  if (isError(embedded.body) && isError(real.body)) {
    if (embedded.body.code !== real.body.code) return `code "${embedded.body.code}" ≠ "${real.body.code}"`
    const messageE = normaliseText(String(embedded.body.message), namesE)
    const messageR = normaliseText(String(real.body.message), namesR)
    return messageE === messageR ? undefined : `message "${messageE}" ≠ "${messageR}"`
  }
  if (step.compare === 'status') return undefined
  if (embedded.body === undefined || real.body === undefined) {
    const textE = embedded.body === undefined ? embedded.text.trim() : '<json>'
    const textR = real.body === undefined ? real.text.trim() : '<json>'
    return textE === textR ? undefined : `body ${JSON.stringify(textE.slice(0, 60))} ≠ ${JSON.stringify(textR.slice(0, 60))}`
  }
  const e = normalise(embedded.body, namesE)
  const r = normalise(real.body, namesR)
  reconcile(e, r, applied)
  return step.compare === 'shape' ? firstDifference(shape(e), shape(r)) : firstDifference(canonical(e), canonical(r))
}

/** Runs every step against both servers, in order, and compares each pair of answers. */
export async function runScenario(steps: Step[], embedded: Server, real: Server): Promise<Outcome[]> {
  const titles = new Set<string>()
  for (const step of steps) {
    if (titles.has(step.title)) throw new Error(`duplicate step title: ${step.title}`)
    titles.add(step.title)
  }
  const castE = emptyCast()
  const castR = emptyCast()
  const outcomes: Outcome[] = []
  for (const step of steps) {
    const [answerE, answerR] = await Promise.all([send(embedded, castE, step), send(real, castR, step)])
    if (step.then && answerE.status < 300) step.then(castE, answerE)
    if (step.then && answerR.status < 300) step.then(castR, answerR)
    const applied = new Set<string>()
    const difference = compare(step, answerE, answerR, castE, castR, applied)
    // ORACLE_DUMP=<part of a title>: both answers of the matching steps, for looking into a difference.
    if (process.env.ORACLE_DUMP && step.title.includes(process.env.ORACLE_DUMP)) {
      console.log(`${step.title}\n  embedded ${answerE.status} ${answerE.text}\n  real     ${answerR.status} ${answerR.text}`)
    }
    outcomes.push({ step, embedded: answerE, real: answerR, difference, knownFields: [...applied] })
  }
  return outcomes
}
