import { QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { Toaster } from '@/components/ui/toast'
import { HomeRedirect } from '@/features/auth/home-redirect'
import { SessionWatch } from '@/features/auth/session-watch'
import { SetupPage } from '@/features/auth/setup-page'
import { SignInPage } from '@/features/auth/signin-page'
import { TokensPage } from '@/features/tokens/components/tokens-page'
import { createQueryClient } from './query-client'
import { matchPath, useLocation } from './router'
import { NotFoundPage } from './not-found-page'

export function App() {
  const [queryClient] = useState(createQueryClient)
  return (
    <QueryClientProvider client={queryClient}>
      <SessionWatch />
      <Routes />
      <Toaster />
    </QueryClientProvider>
  )
}

function Routes() {
  const { pathname } = useLocation()
  if (pathname === '/signin') return <SignInPage />
  if (pathname === '/setup') return <SetupPage />
  if (pathname === '/') return <HomeRedirect />
  const tokens = matchPath('/orgs/:orgID/load-data/tokens', pathname)
  if (tokens?.orgID) return <TokensPage key={tokens.orgID} orgID={tokens.orgID} />
  return <NotFoundPage />
}
