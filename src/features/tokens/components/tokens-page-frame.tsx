import type { ReactNode } from 'react'
import type { Organization, User } from '@/api/contract'
import { AppShell } from '@/components/layouts/app-shell'
import { paths } from '@/config/paths'
import { cn } from '@/lib/cn'
import { Link } from '@/lib/router'
import { cell, COLUMN_WIDTH, HEADER_HEIGHT, hideOnPhone, ROW_HEIGHT, TABLE_CLASS } from '../lib/table-layout'

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

/** The toolbar and the table as they will stand, so nothing moves when the list arrives. */
export function TokensPanelSkeleton() {
  return (
    <div className="flex flex-col gap-4">
      <div aria-hidden="true" className="flex flex-wrap items-end gap-3">
        <FieldSkeleton label="Filter Tokens" className="min-w-48 flex-1 sm:max-w-xs" />
        <FieldSkeleton label="Sort by" className="w-[8.5rem]" />
        <FieldSkeleton label="Bucket" className="w-52" />
        <div className="ml-auto h-9 w-[6.75rem] rounded-md bg-sunken" />
      </div>
      <TokensTableSkeleton />
    </div>
  )
}

function FieldSkeleton({ label, className }: { label: string; className: string }) {
  return (
    <div className={cn('flex flex-col gap-1 text-xs font-medium text-muted', className)}>
      {label}
      <div className="h-9 rounded-md border border-border bg-raised" />
    </div>
  )
}

const SKELETON_ROWS = 6
const bar = 'h-3 animate-pulse rounded bg-sunken'

/** The table's own columns (the same widths, the same cells hidden on phones) with bars for text. */
export function TokensTableSkeleton() {
  return (
    <div className="overflow-hidden rounded-lg border border-border bg-raised" role="status" aria-label="Loading tokens">
      <table aria-hidden="true" className={TABLE_CLASS}>
        <thead className="bg-sunken">
          <tr style={{ height: HEADER_HEIGHT }}>
            <th className={cn(cell, COLUMN_WIDTH.select)} />
            <th className={cn(cell, COLUMN_WIDTH.description)} />
            <th className={cn(cell, COLUMN_WIDTH.status)} />
            <th className={cn(cell, hideOnPhone, COLUMN_WIDTH.created)} />
            <th className={cn(cell, hideOnPhone, COLUMN_WIDTH.owner)} />
            <th className={cn(cell, hideOnPhone, COLUMN_WIDTH.scope)} />
            <th className={cn(cell, COLUMN_WIDTH.actions)} />
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: SKELETON_ROWS }, (_, i) => (
            <tr key={i} className="border-t border-border" style={{ height: ROW_HEIGHT }}>
              <td className={cell}>
                <div className="size-6 rounded bg-sunken md:size-4" />
              </td>
              <td className={cell}>
                <div className={cn(bar, 'w-3/4')} />
              </td>
              <td className={cell}>
                <div className="h-6 w-11 animate-pulse rounded-full bg-sunken" />
              </td>
              <td className={cn(cell, hideOnPhone)}>
                <div className={cn(bar, 'w-32')} />
              </td>
              <td className={cn(cell, hideOnPhone)}>
                <div className={cn(bar, 'w-16')} />
              </td>
              <td className={cn(cell, hideOnPhone)}>
                <div className={cn(bar, 'w-4/5')} />
              </td>
              <td className={cell}>
                <div className={cn(bar, 'ml-auto w-20')} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
