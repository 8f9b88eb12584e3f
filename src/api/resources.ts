import { apiRequest } from './http'

/** The resource types the server knows, including `instance` (which no token may be granted). */
export function listResourceTypes(): Promise<string[]> {
  return apiRequest('/api/v2/resources')
}
