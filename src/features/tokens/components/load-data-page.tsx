import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { sessionQueries } from '@/api/session-queries'
import type { Organization, User } from '@/api/contract'
import { CenteredCard } from '@/components/layouts/centered-card'
import { LoadError } from '@/components/ui/load-error'
import { paths } from '@/config/paths'
import { Link } from '@/lib/router'
import { useDocumentTitle } from '@/lib/use-document-title'
import { TokensPageFrame, type LoadDataTab } from './tokens-page-frame'

export interface LoadDataPageProps {
  orgID: string
  tab: LoadDataTab
  /** Shown until the org and the signed-in user are known. */
  skeleton: ReactNode
  children: (org: Organization, me: User) => ReactNode
}

/** A Load Data tab of one org: the org and the user read, or why not, in the page's frame. */
export function LoadDataPage({ orgID, tab, skeleton, children }: LoadDataPageProps) {
  const me = useQuery(sessionQueries.me())
  const orgs = useQuery(sessionQueries.orgs())
  const org = orgs.data?.find((o) => o.id === orgID)
  const tabName = tab === 'review' ? 'Review' : 'Tokens'
  useDocumentTitle(...(org ? [tabName, org.name] : [tabName]))

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
    <TokensPageFrame orgID={orgID} orgs={orgs.data ?? []} me={me.data} tab={tab}>
      {org && me.data ? children(org, me.data) : skeleton}
    </TokensPageFrame>
  )
}
