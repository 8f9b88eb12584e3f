import { useQuery } from '@tanstack/react-query'
import type { User } from '@/api/contract'
import { tokenKind } from '../lib/permissions'
import { tokenQueries } from './token-queries'

/**
 * What the signed-in user may grant beyond their orgs. InfluxDB gives a session the permissions of
 * all the user's own tokens, so holding an operator token means the session may create operator
 * tokens and tokens for other users.
 */
export function usePrivileges(me: User) {
  const mine = useQuery(tokenQueries.mine(me.id))
  const operator = (mine.data ?? []).some((auth) => tokenKind(auth.permissions) === 'operator')
  return { operator }
}
