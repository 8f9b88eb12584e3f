import { QueryClientProvider, useQueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useEffect, useState } from 'react'
import { Toaster } from '@/components/ui/toast'
import { HomeRedirect } from '@/features/auth/home-redirect'
import { SessionWatch } from '@/features/auth/session-watch'
import { tokenQueries } from '@/features/tokens/api/token-queries'
import { createQueryClient } from './query-client'
import { matchPath, useLocation } from '@/lib/router'
import { NotFoundPage } from './not-found-page'

// Forms for signed-out visitors load on their own: a signed-in session never needs them.
const SignInPage = lazy(() => import('@/features/auth/signin-page').then((m) => ({ default: m.SignInPage })))
const SetupPage = lazy(() => import('@/features/auth/setup-page').then((m) => ({ default: m.SetupPage })))
// Each page is its own chunk (route-level splitting); the shell above them stays small.
const TokensPage = lazy(() => import('@/features/tokens/components/tokens-page').then((m) => ({ default: m.TokensPage })))

export function App() {
  const [queryClient] = useState(createQueryClient)
  return (
    <QueryClientProvider client={queryClient}>
      <SessionWatch />
      <PrefetchRouteData />
      <Suspense fallback={null}>
        <Routes />
      </Suspense>
      <Toaster />
    </QueryClientProvider>
  )
}

function Routes() {
  const { pathname } = useLocation()
  if (pathname === '/signin') return <SignInPage />
  if (pathname === '/setup') return <SetupPage />
  if (pathname === '/') return <HomeRedirect />
  const tokens = matchPath(TOKENS_ROUTE, pathname)
  if (tokens?.orgID) return <TokensPage key={tokens.orgID} orgID={tokens.orgID} />
  return <NotFoundPage />
}

const TOKENS_ROUTE = '/orgs/:orgID/load-data/tokens'

/**
 * Asks for the org's tokens as soon as the tokens route is entered, alongside the page's code and
 * the session check rather than after them: with thousands of tokens the list is the slowest
 * thing to arrive. Outside the Suspense boundary, which would hold its effects back until the
 * page's code has loaded.
 */
function PrefetchRouteData() {
  const queryClient = useQueryClient()
  const orgID = matchPath(TOKENS_ROUTE, useLocation().pathname)?.orgID
  useEffect(() => {
    if (orgID) void queryClient.prefetchQuery(tokenQueries.list(orgID))
  }, [queryClient, orgID])
  return null
}
