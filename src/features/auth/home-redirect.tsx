import { useQuery } from '@tanstack/react-query'
import { useEffect, type ReactNode } from 'react'
import { navigate } from '@/lib/router'
import { CenteredCard } from '@/components/layouts/centered-card'
import { LoadError } from '@/components/ui/load-error'
import { sessionQueries } from '@/api/session-queries'
import { paths } from '@/config/paths'

/** `/`: onboarding when the server is empty, otherwise the signed-in user's first org; `pending` meanwhile. */
export function HomeRedirect({ pending }: { pending: ReactNode }) {
  const setup = useQuery(sessionQueries.setup())
  const signedIn = setup.data?.allowed === false
  const me = useQuery({ ...sessionQueries.me(), enabled: signedIn })
  const orgs = useQuery({ ...sessionQueries.orgs(), enabled: signedIn && me.isSuccess })
  const firstOrg = orgs.data?.[0]

  useEffect(() => {
    if (setup.data?.allowed) navigate(paths.setup.build(), { replace: true })
    else if (firstOrg) navigate(paths.tokens.build(firstOrg.id), { replace: true })
  }, [setup.data, firstOrg])

  const failed = [setup, me, orgs].find((q) => q.isError)
  if (failed) return <CenteredCard title="Something went wrong"><LoadError error={failed.error} onRetry={() => failed.refetch()} /></CenteredCard>
  if (orgs.isSuccess && !firstOrg) {
    return (
      <CenteredCard title="No organization">
        <p className="text-sm text-muted">Your user does not belong to any organization yet. Ask an administrator to add you to one.</p>
      </CenteredCard>
    )
  }
  return pending
}
