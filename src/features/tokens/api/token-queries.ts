import { queryOptions } from '@tanstack/react-query'
import { listAuthorizations, listUserAuthorizations } from '@/api/authorizations'
import { listAllBuckets } from '@/api/buckets'
import { listResourceTypes } from '@/api/resources'
import { listUsers } from '@/api/users'

export const tokenQueries = {
  all: () => ['tokens'] as const,
  list: (orgID: string) =>
    queryOptions({
      queryKey: [...tokenQueries.all(), 'list', orgID],
      queryFn: async ({ signal }) => (await listAuthorizations(orgID, signal)).authorizations,
      // Deep-comparing old and new lists walks every permission (~250 ms at 10,000 tokens, measured
      // when a delete drops one row); only the ~20 rows on screen would be spared a re-render.
      structuralSharing: false,
    }),
  /** The signed-in user's own tokens: a session holds the union of their permissions. */
  mine: (userID: string) =>
    queryOptions({
      queryKey: [...tokenQueries.all(), 'user', userID],
      queryFn: async ({ signal }) => (await listUserAuthorizations(userID, signal)).authorizations,
    }),
}

export const bucketQueries = {
  all: () => ['buckets'] as const,
  list: (orgID: string) =>
    queryOptions({
      queryKey: [...bucketQueries.all(), 'list', orgID],
      queryFn: ({ signal }) => listAllBuckets(orgID, signal),
    }),
}

export const resourceQueries = {
  types: () =>
    queryOptions({
      queryKey: ['resources'],
      queryFn: listResourceTypes,
      staleTime: Infinity,
    }),
}

export const userQueries = {
  list: () =>
    queryOptions({
      queryKey: ['users', 'list'],
      queryFn: async () => (await listUsers()).users,
    }),
}
