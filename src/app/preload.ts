import type { QueryClient } from '@tanstack/react-query'
import { sessionQueries } from '@/api/session-queries'
import { paths } from '@/config/paths'
import { bucketQueries, resourceQueries, tokenQueries } from '@/features/tokens/api/token-queries'
import { matchPath } from '@/lib/router'
import { pages } from './pages'

/** Longest wait for an idle moment before the dialogs' data is asked for anyway. */
const IDLE_WAIT_MS = 1000

function whenIdle(task: () => void) {
  if (window.requestIdleCallback) window.requestIdleCallback(task, { timeout: IDLE_WAIT_MS })
  else window.setTimeout(task, 0)
}

/**
 * Starts everything a route needs at once, as soon as its path is known (at the entry script's
 * start, then on each navigation): the page's code and its data together rather than one after
 * the other. Asking again is free: the chunk is fetched once and fresh queries are not refetched.
 */
export function preloadRoute(queryClient: QueryClient, pathname: string) {
  if (pathname === paths.signIn.pattern) void pages.signIn.load()
  else if (pathname === paths.setup.pattern) void pages.setup.load()
  else if (pathname === paths.home.pattern) void pages.tokens.load()
  const review = matchPath(paths.review.pattern, pathname)
  const orgID = (review ?? matchPath(paths.tokens.pattern, pathname))?.orgID
  if (!orgID) return
  void queryClient.prefetchQuery(sessionQueries.me())
  void queryClient.prefetchQuery(sessionQueries.orgs())
  // Whether this is a token session decides what the page offers (Generate or not).
  void queryClient.prefetchQuery(sessionQueries.tokenSession())
  // The dialogs' buckets and resource types wait for the list: they would compete with it.
  void queryClient.prefetchQuery(tokenQueries.list(orgID)).then(() =>
    whenIdle(() => {
      void queryClient.prefetchQuery(bucketQueries.list(orgID))
      void queryClient.prefetchQuery(resourceQueries.types())
    }),
  )
  // The review needs the buckets at once, but still after the list has started.
  if (review) void queryClient.prefetchQuery(bucketQueries.list(orgID))
  void (review ? pages.review : pages.tokens).load()
}
