import { describe, expect, it } from 'vitest'
import { settleAll } from './settle-all'

describe('settleAll', () => {
  it('reports every outcome in input order', async () => {
    const results = await settleAll([1, 2, 3], 2, async (n) => {
      if (n === 2) throw new Error('two')
      return n * 10
    })
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([10, 'two', 30])
  })

  it('never has more than the limit in flight', async () => {
    let inFlight = 0
    let peak = 0
    await settleAll(Array.from({ length: 20 }, (_, i) => i), 4, async () => {
      inFlight++
      peak = Math.max(peak, inFlight)
      await new Promise((resolve) => setTimeout(resolve, 2))
      inFlight--
    })
    expect(peak).toBe(4)
  })

  it('handles an empty list', async () => {
    expect(await settleAll([], 4, async () => 1)).toEqual([])
  })
})
