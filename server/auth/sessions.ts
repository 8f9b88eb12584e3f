import { newToken } from '../ids.ts'

export interface Session {
  userID: string
  expiresAt: number
}

// Each authenticated request pushes the expiry to at least five minutes ahead, as
// InfluxDB does (docs/influxdb-behaviour.md, Sessions, cookies and CORS).
const RENEW_MS = 5 * 60 * 1000

/** Sessions live in memory like InfluxDB's: a restart signs everyone out. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>()

  constructor(private readonly lengthMs: number) {}

  create(userID: string, now = Date.now()): { key: string; expiresAt: number } {
    this.prune(now)
    const key = newToken()
    const expiresAt = now + this.lengthMs
    this.sessions.set(key, { userID, expiresAt })
    return { key, expiresAt }
  }

  /** The live session for `key`, renewed; undefined when unknown or expired. */
  use(key: string, now = Date.now()): Session | undefined {
    const session = this.find(key, now)
    if (session) session.expiresAt = Math.max(session.expiresAt, now + RENEW_MS)
    return session
  }

  /** Deletes a live session; false when there was none. */
  delete(key: string, now = Date.now()): boolean {
    const found = this.find(key, now) !== undefined
    this.sessions.delete(key)
    return found
  }

  private find(key: string, now: number): Session | undefined {
    const session = this.sessions.get(key)
    if (session && session.expiresAt <= now) {
      this.sessions.delete(key)
      return undefined
    }
    return session
  }

  private prune(now: number): void {
    for (const [key, session] of this.sessions) {
      if (session.expiresAt <= now) this.sessions.delete(key)
    }
  }
}
