import { afterEach, describe, expect, it, vi } from 'vitest'
import { apiRequest, onSessionProblem } from './http'

function answer(status: number, body: unknown) {
  vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })))
}

async function problemsOf(status: number, body: unknown) {
  const problems: string[] = []
  const stop = onSessionProblem((problem) => problems.push(problem))
  answer(status, body)
  await apiRequest('/api/v2/authorizations', { method: 'POST', json: {} }).catch(() => undefined)
  stop()
  return problems
}

describe('session problems', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('ends the session on a plain 401', async () => {
    expect(await problemsOf(401, { code: 'unauthorized', message: 'unauthorized access' })).toEqual(['expired'])
  })

  it('keeps the session when a 401 only says a permission is missing', async () => {
    expect(await problemsOf(401, { code: 'unauthorized', message: 'write:orgs/0123456789abcdef/authorizations is unauthorized' })).toEqual([])
  })

  it('keeps a problem met while nothing listened for the first listener, once', async () => {
    answer(401, { code: 'unauthorized', message: 'unauthorized access' })
    await apiRequest('/api/v2/me').catch(() => undefined)
    const first: string[] = []
    const second: string[] = []
    const stopFirst = onSessionProblem((problem) => first.push(problem))
    const stopSecond = onSessionProblem((problem) => second.push(problem))
    await Promise.resolve()
    stopFirst()
    stopSecond()
    expect(first).toEqual(['expired'])
    expect(second).toEqual([])
  })
})
