import { apiRequest } from './http'

/** `POST /api/v2/write` with line protocol, authenticated by the given token rather than the session. */
export function writeLines(token: string, orgID: string, bucketID: string, lines: string): Promise<void> {
  const query = new URLSearchParams({ orgID, bucket: bucketID, precision: 's' })
  return apiRequest(`/api/v2/write?${query}`, {
    method: 'POST',
    body: lines,
    headers: { Authorization: `Token ${token}`, 'Content-Type': 'text/plain; charset=utf-8' },
    auth: 'explicit',
  })
}
