/**
 * What one tab knows about the session, and what it tells the others. Nothing here is a secret:
 * the session itself lives in an HttpOnly cookie the page never reads.
 */

// Per tab (sessionStorage): whether this tab has seen a signed-in session, so the sign-in page can
// say "your session has ended" only to someone who had one.
const HAD_SESSION_KEY = 'influx-tokens.had-session'
const CHANNEL_NAME = 'influx-tokens.session'
const SIGNED_OUT = 'signed-out'

export function rememberSession(): void {
  sessionStorage.setItem(HAD_SESSION_KEY, '1')
}

export function forgetSession(): void {
  sessionStorage.removeItem(HAD_SESSION_KEY)
}

export function hadSession(): boolean {
  return sessionStorage.getItem(HAD_SESSION_KEY) === '1'
}

// One channel per tab: a channel does not hear its own messages, so the tab that signs out is not
// told about it a second time.
let channel: BroadcastChannel | undefined
const sessionChannel = () => (channel ??= new BroadcastChannel(CHANNEL_NAME))

/** Tells the app's other tabs that the user signed out here (the cookie they share is gone). */
export function announceSignOut(): void {
  sessionChannel().postMessage(SIGNED_OUT)
}

/** Calls `listener` when the user signs out in another tab of the app. */
export function onSignOutElsewhere(listener: () => void): () => void {
  const handle = (event: MessageEvent) => {
    if (event.data === SIGNED_OUT) listener()
  }
  sessionChannel().addEventListener('message', handle)
  return () => sessionChannel().removeEventListener('message', handle)
}
