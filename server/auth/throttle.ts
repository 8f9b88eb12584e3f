/**
 * Failed sign-ins per (username, client address) in a sliding window. Keyed by both so that a
 * guesser is slowed down without locking the real user out from their own address.
 */
export class SigninThrottle {
  // Map order is insertion order: the first key is the one that failed least recently.
  private readonly failures = new Map<string, number[]>()

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 60_000,
    private readonly maxKeys = 10_000,
  ) {}

  /** Seconds until `key` may try again, or 0 when it may try now. */
  retryAfter(key: string, now = Date.now()): number {
    const recent = this.recent(key, now)
    if (recent.length < this.maxFailures) return 0
    const oldest = recent[recent.length - this.maxFailures] ?? now
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000))
  }

  fail(key: string, now = Date.now()): void {
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
    this.failures.delete(key)
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs)
  }
}

export const throttleKey = (username: string, address: string) => JSON.stringify([username, address])
