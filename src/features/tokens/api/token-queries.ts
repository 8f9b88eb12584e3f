import { queryOptions, skipToken } from '@tanstack/react-query'
import { authorizationsPath } from '@/api/authorizations'
import { listAllBuckets } from '@/api/buckets'
import { listResourceTypes } from '@/api/resources'
import { listUsers } from '@/api/users'
import { parseSortKey, type FirstScreen } from '../lib/token-list'
import { readTokenList } from './read-token-list'

/** More than a screen of rows, whatever the window height. */
export const FIRST_SCREEN_ROWS = 40

export const tokenQueries = {
  all: () => ['tokens'] as const,
  list: (orgID: string) =>
    queryOptions({
      queryKey: [...tokenQueries.all(), 'list', orgID],
      queryFn: async ({ signal, client, queryKey }) => {
        const path = authorizationsPath({ orgID })
        if (client.getQueryData(queryKey) !== undefined) return (await readTokenList(path, signal)).authorizations
        // A first load shows its first screen as soon as the list is parsed, in the order the page
        // opens with, before the whole list is normalised and handed over.
        const firstScreenKey = tokenQueries.firstScreen(orgID).queryKey
        const sortKey = parseSortKey(new URLSearchParams(window.location.search).get('sortKey'))
        const show = (screen: FirstScreen) => client.setQueryData(firstScreenKey, screen)
        try {
          return (await readTokenList(path, signal, { firstScreen: { sortKey, count: FIRST_SCREEN_ROWS, show } })).authorizations
        } finally {
          client.removeQueries({ queryKey: firstScreenKey, exact: true })
        }
      },
      // Deep-comparing old and new lists walks every permission, which costs far more than it saves:
      // only the rows on screen would be spared a re-render (docs/performance.md).
      structuralSharing: false,
    }),
  /** While a first load of `list` is read: its first rows (set by `list` alone, and gone once the list is read). */
  firstScreen: (orgID: string) =>
    queryOptions<FirstScreen>({
      queryKey: [...tokenQueries.all(), 'first-screen', orgID],
      queryFn: skipToken,
    }),
  /** The signed-in user's own tokens: a session holds the union of their permissions. */
  mine: (userID: string) =>
    queryOptions({
      queryKey: [...tokenQueries.all(), 'user', userID],
      queryFn: async ({ signal }) => (await readTokenList(authorizationsPath({ userID }), signal)).authorizations,
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
