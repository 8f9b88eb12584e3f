import type { IsOnboarding, OnboardingRequest, Organization, User } from './contract'
import { apiRequest } from './http'

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
