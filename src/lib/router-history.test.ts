// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

type Router = typeof import('./router')

/** Safari's rule: a SecurityError for the 101st history change within 30 seconds. */
function limitLikeSafari() {
  const changes: number[] = []
  const limited = <A extends unknown[]>(change: (...args: A) => void) =>
    function (this: History, ...args: A) {
      const now = performance.now()
      while (changes.length > 0 && (changes[0] as number) <= now - 30_000) changes.shift()
      if (changes.length >= 100) throw new DOMException('Attempt to use history.replaceState() more than 100 times per 30 seconds', 'SecurityError')
      changes.push(now)
      change.apply(this, args)
    }
  vi.spyOn(window.history, 'replaceState').mockImplementation(limited(History.prototype.replaceState))
  vi.spyOn(window.history, 'pushState').mockImplementation(limited(History.prototype.pushState))
}

const search = () => new URLSearchParams(window.location.search)

let router: Router
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] })
  sessionStorage.clear()
  window.history.replaceState(null, '', '/orgs/0000000000000001/load-data/tokens')
  limitLikeSafari()
  vi.resetModules()
  router = await import('./router')
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.useRealTimers()
})

/** `count` keystrokes in the filter, `gapMs` apart: the URL gets `q1`, `q2`, … */
function type(count: number, gapMs: number) {
  for (let i = 1; i <= count; i++) {
    router.replaceSearchParamsQuietly({ searchTerm: `q${i}` })
    vi.advanceTimersByTime(gapMs)
  }
}

describe('replaceSearchParamsQuietly', () => {
  it('follows fast typing for a minute without reaching the browser limit, and ends with the last text', () => {
    expect(() => type(600, 100)).not.toThrow()
    vi.advanceTimersByTime(1_000)
    expect(search().get('searchTerm')).toBe('q600')
  })

  it('writes each keystroke at once while typing is slow', () => {
    type(5, 1_000)
    expect(search().get('searchTerm')).toBe('q5')
    type(3, 10)
    expect(search().get('searchTerm')).toBe('q3')
  })

  it('writes waiting parameters into their own entry before the app moves to another', () => {
    type(40, 10)
    expect(search().get('searchTerm')).not.toBe('q40')
    router.navigate('/orgs/0000000000000001/load-data/tokens?token=0000000000000002')
    window.history.back()
    expect(search().get('searchTerm')).toBe('q40')
  })

  it('keeps waiting parameters in the entry a dialog opens, and in the one under it', () => {
    type(40, 10)
    router.pushDialogEntry({ token: '0000000000000002' })
    expect([search().get('searchTerm'), search().get('token')]).toEqual(['q40', '0000000000000002'])
    window.history.back()
    expect(search().get('searchTerm')).toBe('q40')
  })

  it("counts waiting parameters as the page's own while they wait", () => {
    type(40, 10)
    expect(new URLSearchParams(window.location.search).get('searchTerm')).not.toBe('q40')
    expect(router.currentSearchParams().get('searchTerm')).toBe('q40')
    expect(router.currentLocation()).toBe('/orgs/0000000000000001/load-data/tokens?searchTerm=q40')
  })

  it('gives a reload of the entry the parameters that were still waiting', async () => {
    type(40, 10)
    vi.resetModules()
    const reloaded: Router = await import('./router')
    reloaded.restoreWaitingParams()
    expect(search().get('searchTerm')).toBe('q40')
  })

  it('restores nothing from an unreadable session store', () => {
    sessionStorage.setItem('influx-tokens.waiting-params', '{"from":')
    expect(() => router.restoreWaitingParams()).not.toThrow()
    expect(window.location.search).toBe('')
    expect(sessionStorage.getItem('influx-tokens.waiting-params')).toBeNull()
  })

  it('gives waiting parameters to no other entry', async () => {
    type(40, 10)
    window.history.pushState(null, '', '/orgs/0000000000000003/load-data/tokens')
    vi.resetModules()
    const elsewhere: Router = await import('./router')
    elsewhere.restoreWaitingParams()
    expect(search().get('searchTerm')).toBeNull()
  })

  it('drops waiting parameters on Back rather than write them into the entry it lands on', () => {
    router.navigate('/orgs/0000000000000001/load-data/tokens?token=0000000000000002', { state: { dialog: true } })
    type(40, 10)
    window.history.back()
    window.dispatchEvent(new PopStateEvent('popstate'))
    vi.advanceTimersByTime(60_000)
    expect(search().get('searchTerm')).toBeNull()
  })
})
