import { QueryClientProvider, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { CenteredCard } from '@/components/layouts/centered-card'
import { Toaster } from '@/components/ui/toast'
import { paths } from '@/config/paths'
import { HomeRedirect } from '@/features/auth/home-redirect'
import { SessionWatch } from '@/features/auth/session-watch'
import { TokensPageSkeleton } from '@/features/tokens/components/tokens-page-frame'
import { matchPath, useLocation } from '@/lib/router'
import { NotFoundPage } from './not-found-page'
import { pages, usePage } from './pages'
import { preloadRoute } from './preload'

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <SessionWatch />
      <PreloadOnNavigation />
      <Routes />
      <Toaster />
    </QueryClientProvider>
  )
}

// Every route paints at once: a page whose code is still on its way shows its skeleton.
function Routes() {
  const { pathname } = useLocation()
  if (pathname === paths.signIn.pattern) return <SignInRoute />
  if (pathname === paths.setup.pattern) return <SetupRoute />
  if (pathname === paths.home.pattern) return <HomeRedirect pending={<TokensPageSkeleton />} />
  const review = matchPath(paths.review.pattern, pathname)
  if (review?.orgID) return <ReviewRoute key={review.orgID} orgID={review.orgID} />
  const tokens = matchPath(paths.tokens.pattern, pathname)
  if (tokens?.orgID) return <TokensRoute key={tokens.orgID} orgID={tokens.orgID} />
  return <NotFoundPage />
}

function TokensRoute({ orgID }: { orgID: string }) {
  const TokensPage = usePage(pages.tokens)
  return TokensPage ? <TokensPage orgID={orgID} /> : <TokensPageSkeleton orgID={orgID} />
}

function ReviewRoute({ orgID }: { orgID: string }) {
  const ReviewPage = usePage(pages.review)
  return ReviewPage ? <ReviewPage orgID={orgID} /> : <TokensPageSkeleton orgID={orgID} tab="review" />
}

function SignInRoute() {
  const SignInPage = usePage(pages.signIn)
  return SignInPage ? <SignInPage /> : <FormSkeleton title="Sign in" />
}

function SetupRoute() {
  const SetupPage = usePage(pages.setup)
  return SetupPage ? <SetupPage /> : <FormSkeleton title="Welcome" />
}

function FormSkeleton({ title }: { title: string }) {
  return (
    <CenteredCard title={title}>
      <p role="status" className="text-sm text-muted">
        Loading…
      </p>
    </CenteredCard>
  )
}

/** The entry script preloads the first route; this follows each navigation after it. */
function PreloadOnNavigation() {
  const queryClient = useQueryClient()
  const { pathname } = useLocation()
  useEffect(() => preloadRoute(queryClient, pathname), [queryClient, pathname])
  return null
}
