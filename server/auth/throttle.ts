/**
 * Sign-in attempts per (username, client address) in a sliding window. Keyed by both so that a
 * guesser is slowed down without locking the real user out from their own address.
 *
 * An attempt is reserved before its password is checked and settled after: the check takes tens of
 * milliseconds, and counting only settled failures let many concurrent guesses through at once.
 */
export class SigninThrottle {
  // Map order is insertion order: the first key is the one that failed least recently.
  private readonly failures = new Map<string, number[]>()
  private readonly pending = new Map<string, number>()

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 60_000,
    private readonly maxKeys = 10_000,
  ) {}

  /**
   * Reserves an attempt for `key` and answers 0, or answers the seconds to wait when the recent
   * failures and the attempts still being checked reach the limit. Settle a reservation with
   * `fail` or `succeed`.
   */
  reserve(key: string, now = Date.now()): number {
    const wait = this.retryAfter(key, now)
    if (wait === 0) this.pending.set(key, (this.pending.get(key) ?? 0) + 1)
    return wait
  }

  /** Seconds until `key` may try again, or 0 when it may try now. */
  retryAfter(key: string, now = Date.now()): number {
    const recent = this.recent(key, now)
    const pending = this.pending.get(key) ?? 0
    if (recent.length + pending < this.maxFailures) return 0
    // Only attempts still being checked: they settle within a second.
    if (recent.length < this.maxFailures) return 1
    const oldest = recent[recent.length - this.maxFailures] ?? now
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000))
  }

  fail(key: string, now = Date.now()): void {
    this.release(key)
    const recent = [...this.recent(key, now), now].slice(-this.maxFailures)
    this.failures.delete(key)
    this.failures.set(key, recent)
    // Bounded memory: forget the least recently failing keys first.
    for (const oldest of this.failures.keys()) {
      if (this.failures.size <= this.maxKeys) break
      this.failures.delete(oldest)
    }
  }

  succeed(key: string): void {
    this.release(key)
    this.failures.delete(key)
  }

  private release(key: string): void {
    const pending = (this.pending.get(key) ?? 0) - 1
    if (pending > 0) this.pending.set(key, pending)
    else this.pending.delete(key)
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs)
  }
}

export const throttleKey = (username: string, address: string) => JSON.stringify([username, address])
