import { describe, expect, it } from 'vitest'
import { historyBudget } from './history-budget'

describe('historyBudget', () => {
  it('allows a burst at once, then one change per refill', () => {
    const budget = historyBudget({ burst: 3, refillMs: 500 })
    expect([budget.wait(0), budget.wait(0), budget.wait(0)]).toEqual([0, 0, 0])
    expect(budget.wait(100)).toBe(400)
    expect(budget.wait(500)).toBe(0)
    expect(budget.wait(600)).toBe(400)
  })

  it('refills no further than the burst', () => {
    const budget = historyBudget({ burst: 2, refillMs: 100 })
    budget.wait(0)
    budget.wait(0)
    expect([budget.wait(60_000), budget.wait(60_000), budget.wait(60_000)]).toEqual([0, 0, 100])
  })

  it('counts a change that could not wait against the next ones', () => {
    const budget = historyBudget({ burst: 1, refillMs: 100 })
    budget.spend(0)
    expect(budget.wait(0)).toBe(100)
  })

  it('never allows more than the burst plus one per refill in any stretch of time', () => {
    const budget = historyBudget({ burst: 20, refillMs: 600 })
    const made: number[] = []
    for (let now = 0; now < 120_000; now += 37) if (budget.wait(now) === 0) made.push(now)
    for (const start of made) {
      const inWindow = made.filter((at) => at >= start && at < start + 30_000).length
      expect(inWindow).toBeLessThanOrEqual(20 + 30_000 / 600)
    }
  })
})
