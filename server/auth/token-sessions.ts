import { newToken } from '../ids.ts'
import type { Permission } from './permissions.ts'

/** The cookie naming a token session; the token itself stays on the server. */
export const TOKEN_SESSION_COOKIE = 'influx-tokens-token-session'

/**
 * This application's own endpoint, not an InfluxDB one: InfluxDB serves nothing under
 * /api/tokens-app/, so the name cannot shadow an API path of the proxied server.
 */
export const TOKEN_SESSION_PATH = '/api/tokens-app/token-session'

export interface TokenSession {
  /** The API token itself: kept in this process only, never sent back to the browser. */
  token: string
  user: { id: string; name: string }
  /** What the token may do, or, when the token's own record could not be told apart, at most this; null when unknown. */
  permissions: Permission[] | null
  /** Whether `permissions` are the token's own (true) or an upper bound (false). */
  exact: boolean
  lastUsed: number
}

export type NewTokenSession = Omit<TokenSession, 'lastUsed'>

/**
 * Token sign-ins, by random session key. In memory like InfluxDB's own sessions: a restart signs
 * everyone out, and the token never reaches a disk. A session unused for `idleMs` is forgotten.
 */
export class TokenSessionStore {
  private readonly sessions = new Map<string, TokenSession>()

  constructor(
    private readonly idleMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  create(session: NewTokenSession): string {
    this.prune()
    const key = newToken()
    this.sessions.set(key, { ...session, lastUsed: this.now() })
    return key
  }

  /** The live session for `key`, marked as used; undefined when unknown or idle too long. */
  use(key: string): TokenSession | undefined {
    const session = this.sessions.get(key)
    if (!session) return undefined
    const now = this.now()
    if (now - session.lastUsed >= this.idleMs) {
      this.sessions.delete(key)
      return undefined
    }
    session.lastUsed = now
    return session
  }

  /** Forgets a session; false when there was none. */
  delete(key: string): boolean {
    return this.sessions.delete(key)
  }

  get size(): number {
    return this.sessions.size
  }

  private prune(): void {
    const now = this.now()
    for (const [key, session] of this.sessions) {
      if (now - session.lastUsed >= this.idleMs) this.sessions.delete(key)
    }
  }
}
