import type { ReactNode } from 'react'
import type { Organization, User } from '@/api/contract'
import { AppShell } from '@/components/layouts/app-shell'
import { paths } from '@/config/paths'
import { cn } from '@/lib/cn'
import { Link } from '@/lib/router'
import { ROW_HEIGHT } from '../lib/table-layout'

// Part of the entry chunk (the app shows the skeleton while the page's own chunk loads): keep its
// imports to the shared layers.

export type LoadDataTab = 'tokens' | 'review'

const TABS: ReadonlyArray<{ tab: LoadDataTab; label: string; href: (orgID: string) => string }> = [
  { tab: 'tokens', label: 'Tokens', href: paths.tokens.build },
  { tab: 'review', label: 'Review', href: paths.review.build },
]

/** The Load Data frame around the tokens panel or the review, the same while loading and when loaded. */
export function TokensPageFrame({
  orgID,
  orgs,
  me,
  tab = 'tokens',
  children,
}: {
  orgID?: string
  orgs: Organization[]
  me?: User
  tab?: LoadDataTab
  children: ReactNode
}) {
  return (
    <AppShell orgID={orgID ?? ''} orgs={orgs} me={me}>
      <h1 className="text-2xl font-semibold tracking-tight">Load Data</h1>
      <nav aria-label="Load Data" className="mt-3 mb-5 flex gap-1 border-b border-border">
        {TABS.map((item) => (
          <Link
            key={item.tab}
            href={orgID ? item.href(orgID) : paths.home.build()}
            aria-current={item.tab === tab ? 'page' : undefined}
            className={cn(
              '-mb-px border-b-2 px-3 py-2 text-sm font-medium',
              item.tab === tab ? 'border-accent text-fg' : 'border-transparent text-muted hover:text-fg',
            )}
          >
            {item.label}
          </Link>
        ))}
      </nav>
      {children}
    </AppShell>
  )
}

/** The whole page before its code or data arrive: the first frame the app paints. */
export function TokensPageSkeleton({ orgID, tab }: { orgID?: string; tab?: LoadDataTab }) {
  return (
    <TokensPageFrame orgID={orgID} orgs={[]} tab={tab}>
      <TokensPanelSkeleton />
    </TokensPageFrame>
  )
}

export function TokensPanelSkeleton() {
  return (
    <div className="flex flex-col gap-4">
      <div className="h-[60px]" />
      <TokensTableSkeleton />
    </div>
  )
}

export function TokensTableSkeleton() {
  return (
    <div className="overflow-hidden rounded-lg border border-border bg-raised" role="status" aria-label="Loading tokens">
      <div className="h-10 bg-sunken" />
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="flex items-center gap-4 border-t border-border px-3" style={{ height: ROW_HEIGHT }}>
          <div className="h-3 w-1/3 animate-pulse rounded bg-sunken" />
          <div className="h-3 w-16 animate-pulse rounded bg-sunken" />
          <div className="hidden h-3 w-32 animate-pulse rounded bg-sunken md:block" />
          <div className="h-3 w-24 animate-pulse rounded bg-sunken" />
        </div>
      ))}
    </div>
  )
}
