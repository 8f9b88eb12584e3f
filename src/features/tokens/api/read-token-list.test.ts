import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, onSessionProblem } from '@/api/http'
import { makeAuth } from '../lib/test-fixtures'
import { readTokenList } from './read-token-list'
import { tokenListReader, type TokenListAnswer, type TokenListRequest } from './token-list-messages'

/** A Worker that runs tokenListReader on this thread, with structured clones both ways, as the real one does. */
class FakeWorker {
  static all: FakeWorker[] = []
  /** Holds the body's end: the worker is still reading when the test aborts. */
  static hold = false
  onmessage: ((event: { data: TokenListAnswer }) => void) | null = null
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null = null
  onmessageerror: (() => void) | null = null
  terminated = false
  readonly order: string[] = []
  private readonly read = tokenListReader((answer) => {
    this.order.push(Object.keys(answer)[0] as string)
    setTimeout(() => this.terminated || this.onmessage?.({ data: structuredClone(answer) }))
  })

  constructor() {
    FakeWorker.all.push(this)
  }

  postMessage(request: TokenListRequest) {
    const copy = structuredClone(request)
    if ('end' in copy && FakeWorker.hold) return
    setTimeout(() => {
      if (this.terminated) return
      try {
        this.read(copy)
      } catch (error) {
        this.onerror?.({ message: `Uncaught ${(error as Error).name}: ${(error as Error).message}`, preventDefault: () => {} })
      }
    })
  }

  terminate() {
    this.terminated = true
  }
}

const tokens = ['b', 'c', 'a'].map((description, n) => makeAuth({ id: `000000000000000${n}`, description }))
const body = JSON.stringify({ links: { self: '/api/v2/authorizations' }, authorizations: tokens }, null, '\t')

function serve(status: number, text: string) {
  vi.stubGlobal('fetch', async () => new Response(text, { status, headers: { 'Content-Type': 'application/json' } }))
}

beforeEach(() => {
  FakeWorker.all = []
  FakeWorker.hold = false
  vi.stubGlobal('Worker', FakeWorker)
})
afterEach(() => vi.unstubAllGlobals())

describe('readTokenList', () => {
  it('answers the first screen before the list, the list as JSON.parse reads it without links, and ends the worker', async () => {
    serve(200, body)
    const shown: unknown[] = []
    const list = await readTokenList('/api/v2/authorizations?orgID=o', undefined, {
      firstScreen: { sortKey: 'description-asc', count: 2, show: (screen) => shown.push(screen) },
    })
    expect(list.authorizations).toEqual(tokens.map(({ links: _links, ...token }) => token))
    expect(shown).toEqual([{ sortKey: 'description-asc', tokens: [tokens[2], tokens[0]].map((auth) => ({ ...auth, links: undefined })), total: 3 }])
    expect(FakeWorker.all[0]?.order).toEqual(['firstScreen', 'list'])
    expect(FakeWorker.all[0]?.terminated).toBe(true)
  })

  it('fails with the parser message on a body that is not JSON, and ends the worker', async () => {
    serve(200, '{"authorizations":[{"id":')
    await expect(readTokenList('/api/v2/authorizations?orgID=o')).rejects.toThrow(/^The token list could not be read: Uncaught SyntaxError/)
    expect(FakeWorker.all[0]?.terminated).toBe(true)
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
    expect(FakeWorker.all[0]?.terminated).toBe(true)
  })

  it('stops as soon as it is aborted while the worker reads, and ends the worker', async () => {
    serve(200, body)
    FakeWorker.hold = true
    const controller = new AbortController()
    const list = readTokenList('/api/v2/authorizations?orgID=o', controller.signal)
    await vi.waitFor(() => expect(FakeWorker.all[0]).toBeDefined())
    await new Promise((resolve) => setTimeout(resolve, 20))
    controller.abort()
    await expect(list).rejects.toThrow(/abort/i)
    expect(FakeWorker.all[0]?.terminated).toBe(true)
  })
})
