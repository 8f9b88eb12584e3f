import { queryOptions, skipToken } from '@tanstack/react-query'
import type { AuthorizationListPreview } from '@/api/authorization-list'
import type { Authorization } from '@/api/contract'
import { listAuthorizations, listUserAuthorizations } from '@/api/authorizations'
import { listAllBuckets, type ListedBucket } from '@/api/buckets'
import { listResourceTypes } from '@/api/resources'
import { listUsers } from '@/api/users'
import { stringPool } from '@/lib/string-pool'

// The token list and the bucket list name the same buckets: whichever is read second takes the
// other's strings for them, so an org of 10,000 buckets holds each name and ID once (0.5 MB).

function* bucketStrings(buckets: readonly ListedBucket[] = []): Generator<string> {
  for (const bucket of buckets) {
    yield bucket.id
    yield bucket.name
  }
}

function* resourceStrings(tokens: readonly Authorization[] = []): Generator<string> {
  // Tokens share their permission lists: each list once.
  const seen = new Set<readonly unknown[]>()
  for (const token of tokens) {
    if (seen.has(token.permissions)) continue
    seen.add(token.permissions)
    for (const { resource } of token.permissions) {
      if (resource.id !== undefined) yield resource.id
      if (resource.name !== undefined) yield resource.name
    }
  }
}

export const tokenQueries = {
  all: () => ['tokens'] as const,
  list: (orgID: string) =>
    queryOptions({
      queryKey: [...tokenQueries.all(), 'list', orgID],
      queryFn: async ({ signal, client, queryKey }) => {
        const strings = stringPool(bucketStrings(client.getQueryData(bucketQueries.list(orgID).queryKey)))
        // A list on screen is refreshed quietly; a first load shows its first screen early.
        if (client.getQueryData(queryKey) !== undefined) return (await listAuthorizations(orgID, signal, { inSlices: true, strings })).authorizations
        const previewKey = tokenQueries.listPreview(orgID).queryKey
        try {
          const onPreview = (preview: AuthorizationListPreview) => client.setQueryData(previewKey, preview)
          return (await listAuthorizations(orgID, signal, { onPreview, strings })).authorizations
        } finally {
          // The preview holds the whole body: let it go with the read.
          client.removeQueries({ queryKey: previewKey, exact: true })
        }
      },
      // Deep-comparing old and new lists walks every permission (~250 ms at 10,000 tokens, measured
      // when a delete drops one row); only the ~20 rows on screen would be spared a re-render.
      structuralSharing: false,
    }),
  /**
   * While a first load of `list` is read: every token without its permissions (see
   * AuthorizationListPreview). Set by `list` alone, and gone once the list is read.
   */
  listPreview: (orgID: string) =>
    queryOptions<AuthorizationListPreview>({
      queryKey: [...tokenQueries.all(), 'list-preview', orgID],
      queryFn: skipToken,
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
      queryFn: ({ signal, client }) =>
        listAllBuckets(orgID, signal, () => stringPool(resourceStrings(client.getQueryData(tokenQueries.list(orgID).queryKey)))),
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
