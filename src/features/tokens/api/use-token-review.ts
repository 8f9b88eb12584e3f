import { queryOptions, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { Organization, User } from '@/api/contract'
import { listAllUsers } from '@/api/users'
import { reviewTokens, type Review } from '../lib/review'
import { bucketQueries, tokenQueries } from './token-queries'
import { usePrivileges } from './use-privileges'

/** Every user the caller may read: all of them for an operator, only themselves for anyone else. */
const allUsersQuery = () =>
  queryOptions({
    queryKey: ['users', 'all'],
    queryFn: ({ signal }) => listAllUsers(signal),
  })

export interface TokenReviewState {
  review: Review | undefined
  error: Error | null
  retry: () => void
}

/** The review of the org's tokens, once its tokens, buckets and users are read; `wanted` starts the reads. */
export function useTokenReview(org: Organization, me: User, wanted: boolean): TokenReviewState {
  const tokens = useQuery({ ...tokenQueries.list(org.id), enabled: wanted })
  const buckets = useQuery({ ...bucketQueries.list(org.id), enabled: wanted })
  const privileges = usePrivileges(me, org.id, wanted)
  const users = useQuery({ ...allUsersQuery(), enabled: wanted && privileges.known })
  const review = useMemo(() => {
    if (!tokens.data || !buckets.data || !users.data) return undefined
    return reviewTokens({ orgID: org.id, auths: tokens.data, buckets: buckets.data, users: users.data, usersComplete: privileges.operator })
  }, [org.id, tokens.data, buckets.data, users.data, privileges.operator])
  const failed = [tokens, buckets, users].find((query) => query.isError)
  return { review, error: failed?.error ?? null, retry: () => void failed?.refetch() }
}
