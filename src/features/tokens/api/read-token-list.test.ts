import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, onSessionProblem } from '@/api/http'
import { scopeSummary } from '../lib/scope'
import { makeAuth } from '../lib/test-fixtures'
import { readTokenList } from './read-token-list'

vi.mock('../lib/scope', async (importOriginal) => {
  const scope = await importOriginal<typeof import('../lib/scope')>()
  return { ...scope, scopeSummary: vi.fn(scope.scopeSummary) }
})

const tokens = ['b', 'c', 'a'].map((description, n) => makeAuth({ id: `000000000000000${n}`, description }))
const body = JSON.stringify({ links: { self: '/api/v2/authorizations' }, authorizations: tokens }, null, '\t')
const withoutLinks = tokens.map(({ links: _links, ...token }) => token)

/** Answers fetch with `text`, in chunks of `size` bytes, each in a task of its own; `hold` keeps the body open. */
function serve(status: number, text: string, { size = 1e9, hold = false } = {}) {
  const bytes = new TextEncoder().encode(text)
  vi.stubGlobal('fetch', async () => {
    let at = 0
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 0))
        if (at < bytes.length) controller.enqueue(bytes.slice(at, (at += size)))
        else if (!hold) controller.close()
      },
    })
    return new Response(stream, { status, headers: { 'Content-Type': 'application/json' } })
  })
}

afterEach(() => vi.unstubAllGlobals())

describe('readTokenList', () => {
  it('shows the first screen before it answers the list, which reads as JSON.parse reads it without links', async () => {
    serve(200, body, { size: 100 })
    const events: unknown[] = []
    const list = readTokenList('/api/v2/authorizations?orgID=o', undefined, {
      firstScreen: { sortKey: 'description-asc', count: 2, show: (screen) => events.push(screen) },
    }).then((read) => {
      events.push('list')
      return read
    })
    expect((await list).authorizations).toEqual(withoutLinks)
    expect(events).toEqual([{ sortKey: 'description-asc', tokens: [withoutLinks[2], withoutLinks[0]], total: 3 }, 'list'])
  })

  it('shares equal strings and permissions between tokens', async () => {
    serve(200, body)
    const { authorizations } = await readTokenList('/api/v2/authorizations?orgID=o')
    const [first, second] = authorizations
    expect(first?.orgID).toBe(second?.orgID)
    expect(first?.permissions).toBe(second?.permissions)
  })

  it("works out each token's scope summary before it answers, so that the filter's first keystrokes need not", async () => {
    serve(200, body)
    vi.mocked(scopeSummary).mockClear()
    const { authorizations } = await readTokenList('/api/v2/authorizations?orgID=o')
    expect(vi.mocked(scopeSummary).mock.calls.map(([token]) => token)).toEqual(authorizations)
  })

  it('fails with the parser message on a body that is not JSON', async () => {
    serve(200, '{"authorizations":[{"id":')
    await expect(readTokenList('/api/v2/authorizations?orgID=o')).rejects.toThrow(/^The token list could not be read: .*JSON/)
  })

  it('treats a 401 as any session request does: the session has ended', async () => {
    serve(401, JSON.stringify({ code: 'unauthorized', message: 'unauthorized access' }))
    const problems: string[] = []
    const stop = onSessionProblem((problem) => problems.push(problem))
    try {
      await expect(readTokenList('/api/v2/authorizations?orgID=o')).rejects.toBeInstanceOf(ApiError)
    } finally {
      stop()
    }
    expect(problems).toEqual(['expired'])
  })

  it('stops as soon as it is aborted while the body is still arriving', async () => {
    serve(200, body, { size: 10, hold: true })
    const controller = new AbortController()
    const list = readTokenList('/api/v2/authorizations?orgID=o', controller.signal)
    await new Promise((resolve) => setTimeout(resolve, 20))
    controller.abort()
    await expect(list).rejects.toThrow(/abort/i)
  })
})
