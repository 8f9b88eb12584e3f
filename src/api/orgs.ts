import type { Organizations } from './contract'
import { apiRequest } from './http'

export function listOrgs(): Promise<Organizations> {
  return apiRequest('/api/v2/orgs?limit=100')
}
