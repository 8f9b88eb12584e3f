import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { Authorization, User } from '@/api/contract'
import { tokenKind } from '../lib/permissions'
import { tokenQueries } from './token-queries'

function holdsOperatorToken(tokens: Authorization[] | undefined, me: User): boolean {
  return (tokens ?? []).some((auth) => auth.userID === me.id && tokenKind(auth.permissions) === 'operator')
}

/**
 * What the signed-in user may grant beyond their orgs. InfluxDB gives a session the permissions of
 * all the user's own tokens, so holding an operator token means the session may create operator
 * tokens and tokens for other users. The org's list usually answers that already; only when it
 * does not, and only once the answer is `wanted`, are all of the user's tokens fetched.
 */
export function usePrivileges(me: User, orgID: string, wanted: boolean) {
  const orgTokens = useQuery(tokenQueries.list(orgID))
  const inOrg = useMemo(() => holdsOperatorToken(orgTokens.data, me), [orgTokens.data, me])
  const mine = useQuery({ ...tokenQueries.mine(me.id), enabled: wanted && orgTokens.isSuccess && !inOrg })
  const elsewhere = useMemo(() => holdsOperatorToken(mine.data, me), [mine.data, me])
  // Known once the org's list answered, and when it did not say yes, the user's own tokens too.
  const known = orgTokens.isSuccess && (inOrg || mine.isSuccess || mine.isError)
  return { operator: inOrg || elsewhere, known }
}
