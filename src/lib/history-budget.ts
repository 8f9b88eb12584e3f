/**
 * Browsers limit how often a page may change its history entries: Safari throws after 100 changes
 * in 30 seconds, Firefox after 200 in 10, and Chromium ignores changes past a similar rate. Writing
 * the URL on each keystroke reaches that. A budget of `burst` changes at once, refilled at one per
 * `refillMs`, keeps a page well inside all three.
 */
export function historyBudget({ burst, refillMs }: { burst: number; refillMs: number }) {
  let available = burst
  let updatedAt = Number.NEGATIVE_INFINITY
  const refill = (now: number) => {
    available = Math.min(burst, available + (now - updatedAt) / refillMs)
    updatedAt = now
  }
  return {
    /** 0 when a change may be made at `now`, which then counts; otherwise how long until one may. */
    wait(now: number): number {
      refill(now)
      if (available < 1) return (1 - available) * refillMs
      available -= 1
      return 0
    },
    /** Counts a change made at `now` whatever the budget (one that cannot wait). */
    spend(now: number): void {
      refill(now)
      available -= 1
    },
  }
}
