import type { Authorizations, Bucket, User } from '../src/api/contract.ts'
import { normaliseAuthorizations, shareStrings } from '../src/api/normalise-authorizations.ts'
import { reviewTokens } from '../src/features/tokens/lib/review.ts'
import { median } from './stats.ts'

export interface ReviewFigures {
  /** reviewTokens over the org's list as the app reads it, its buckets and its users: median of `runs`. */
  medianMs: number
  tokens: number
  findings: number
}

async function getJson(url: string, token: string): Promise<unknown> {
  const response = await fetch(url, { headers: { Authorization: `Token ${token}` } })
  if (!response.ok) throw new Error(`${url}: ${response.status}`)
  return response.json()
}

async function allPages<T>(url: (offset: number) => string, token: string, key: string): Promise<T[]> {
  const items: T[] = []
  for (let offset = 0; ; offset += 100) {
    const page = ((await getJson(url(offset), token)) as Record<string, T[]>)[key] ?? []
    items.push(...page)
    if (page.length < 100) return items
  }
}

/**
 * The review's own time at the fixture's size, in Node: the inputs are read from the server once,
 * the token list normalised as the page has it (shared permission lists and strings).
 */
export async function measureReview(baseUrl: string, orgID: string, token: string, runs = 5): Promise<ReviewFigures> {
  const response = await fetch(`${baseUrl}/api/v2/authorizations?orgID=${orgID}`, { headers: { Authorization: `Token ${token}` } })
  const auths = shareStrings(normaliseAuthorizations((await response.json()) as Authorizations)).authorizations
  const buckets = await allPages<Bucket>((offset) => `${baseUrl}/api/v2/buckets?orgID=${orgID}&limit=100&offset=${offset}`, token, 'buckets')
  const users = await allPages<User>((offset) => `${baseUrl}/api/v2/users?limit=100&offset=${offset}`, token, 'users')
  const times: number[] = []
  let findings = 0
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    findings = reviewTokens({ orgID, auths, buckets, users, usersComplete: true }).findings.length
    times.push(performance.now() - started)
  }
  return { medianMs: median(times.sort((a, b) => a - b)), tokens: auths.length, findings }
}
