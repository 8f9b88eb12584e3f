import { useQuery } from '@tanstack/react-query'
import { Link } from '@/lib/router'
import { CenteredCard } from '@/components/layouts/centered-card'
import { LoadError } from '@/components/ui/load-error'
import { sessionQueries } from '@/api/session-queries'
import { paths } from '@/config/paths'
import { useDocumentTitle } from '@/lib/use-document-title'
import { TokensPageFrame, TokensPanelSkeleton } from './tokens-page-frame'
import { TokensPanel } from './tokens-panel'

export function TokensPage({ orgID }: { orgID: string }) {
  const me = useQuery(sessionQueries.me())
  const orgs = useQuery(sessionQueries.orgs())
  const org = orgs.data?.find((o) => o.id === orgID)
  useDocumentTitle(...(org ? ['Tokens', org.name] : ['Tokens']))

  if (orgs.isError || me.isError) {
    const failed = orgs.isError ? orgs : me
    return (
      <CenteredCard title="Something went wrong">
        <LoadError error={failed.error} onRetry={() => failed.refetch()} />
      </CenteredCard>
    )
  }
  if (orgs.isSuccess && !org) {
    return (
      <CenteredCard title="Organization not found">
        <p className="text-sm text-muted">This organization does not exist, or you are not a member of it.</p>
        <Link href={paths.home.build()} className="mt-4 inline-block text-sm font-medium text-accent underline underline-offset-4">
          Go to your organization
        </Link>
      </CenteredCard>
    )
  }

  return (
    <TokensPageFrame orgID={orgID} orgs={orgs.data ?? []} me={me.data}>
      {org && me.data ? <TokensPanel org={org} me={me.data} /> : <TokensPanelSkeleton />}
    </TokensPageFrame>
  )
}
