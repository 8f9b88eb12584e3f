import { queryOptions } from '@tanstack/react-query'
import { listAuthorizations } from '@/api/authorizations'
import { listAllBuckets } from '@/api/buckets'
import { listResourceTypes } from '@/api/resources'

export const tokenQueries = {
  all: () => ['tokens'] as const,
  list: (orgID: string) =>
    queryOptions({
      queryKey: [...tokenQueries.all(), 'list', orgID],
      queryFn: async ({ signal }) => (await listAuthorizations(orgID, signal)).authorizations,
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
