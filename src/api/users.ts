import type { User, Users } from './contract'
import { apiRequest } from './http'

/** InfluxDB's largest page for `GET /api/v2/users`. */
const USER_PAGE_SIZE = 100

/** The users the caller may read: only themselves, unless they hold global `read:users` (operators). */
export function listUsers(): Promise<Users> {
  return apiRequest(`/api/v2/users?limit=${USER_PAGE_SIZE}`)
}

/** Every user the caller may read, page after page until a short one (an instance has few users). */
export async function listAllUsers(signal?: AbortSignal): Promise<User[]> {
  const users: User[] = []
  for (let offset = 0; ; offset += USER_PAGE_SIZE) {
    const page: Users = await apiRequest(`/api/v2/users?limit=${USER_PAGE_SIZE}&offset=${offset}`, { signal })
    users.push(...page.users)
    if (page.users.length < USER_PAGE_SIZE) return users
  }
}
