import type { IsOnboarding, OnboardingRequest, Organization, Permission, User } from './contract'
import { ApiError, apiRequest } from './http'

export function getSetup(): Promise<IsOnboarding> {
  return apiRequest('/api/v2/setup', { auth: 'explicit' })
}

export function postSetup(request: OnboardingRequest): Promise<{ user: User; org: Organization }> {
  return apiRequest('/api/v2/setup', { method: 'POST', json: request, auth: 'explicit' })
}

/** Basic credentials in, session cookie out (InfluxDB answers 204). */
export function signIn(username: string, password: string): Promise<void> {
  const basic = btoa(String.fromCharCode(...new TextEncoder().encode(`${username}:${password}`)))
  return apiRequest('/api/v2/signin', {
    method: 'POST',
    headers: { Authorization: `Basic ${basic}` },
    auth: 'explicit',
  })
}

export function signOut(): Promise<void> {
  return apiRequest('/api/v2/signout', { method: 'POST', auth: 'explicit' })
}

export function getMe(): Promise<User> {
  return apiRequest('/api/v2/me')
}

/** This application's own endpoint (not InfluxDB's): the server keeps the token, the browser a cookie. */
const TOKEN_SESSION_PATH = '/api/tokens-app/token-session'

/** What the server learnt of a token it signed in with; never the token itself. */
export interface TokenSession {
  user: { id: string; name: string }
  /** The token's permissions (`exact`), or at most these (not `exact`); null when they could not be read. */
  permissions: Permission[] | null
  exact: boolean
}

export function signInWithToken(token: string): Promise<TokenSession> {
  return apiRequest(TOKEN_SESSION_PATH, { method: 'POST', json: { token }, auth: 'explicit' })
}

/** The current token session, or null when signed in with a password. */
export async function getTokenSession(): Promise<TokenSession | null> {
  try {
    return await apiRequest<TokenSession>(TOKEN_SESSION_PATH, { auth: 'explicit' })
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null
    throw error
  }
}
