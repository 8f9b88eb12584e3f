import type { Users } from './contract'
import { apiRequest } from './http'

/** The users the caller may read: only themselves, unless they hold global `read:users` (operators). */
export function listUsers(): Promise<Users> {
  return apiRequest('/api/v2/users?limit=100')
}
