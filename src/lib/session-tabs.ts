/**
 * What one tab knows about the session. Nothing here is a secret:
 * the session itself lives in an HttpOnly cookie the page never reads.
 */

// Per tab (sessionStorage): whether this tab has seen a signed-in session, so the sign-in page can
// say "your session has ended" only to someone who had one.
const HAD_SESSION_KEY = 'influx-tokens.had-session'

export function rememberSession(): void {
  sessionStorage.setItem(HAD_SESSION_KEY, '1')
}

export function forgetSession(): void {
  sessionStorage.removeItem(HAD_SESSION_KEY)
}

export function hadSession(): boolean {
  return sessionStorage.getItem(HAD_SESSION_KEY) === '1'
}
