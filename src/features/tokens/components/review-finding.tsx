import { useState } from 'react'
import type { Authorization, Organization } from '@/api/contract'
import { Button } from '@/components/ui/button'
import { paths } from '@/config/paths'
import { Link } from '@/lib/router'
import type { Finding } from '../lib/review'
import { BulkConfirmDialog, type BulkKind } from './bulk-actions'

/** Enough tokens to recognise a finding by; the link shows them all. */
const SHOWN_TOKENS = 5

const ACTION_LABELS: Record<BulkKind, string> = { deactivate: 'Deactivate', delete: 'Delete' }

const plural = (n: number) => `${n} token${n === 1 ? '' : 's'}`

/** One finding: its count, its risk in a line, a few of its tokens, the link to all of them and its bulk actions. */
export function ReviewFinding({
  finding,
  org,
  tokens,
  known,
}: {
  finding: Finding
  org: Organization
  tokens: Authorization[]
  /** The org's tokens as listed, for the last-operator check of the bulk actions. */
  known: Authorization[]
}) {
  const [confirming, setConfirming] = useState<BulkKind | null>(null)
  const count = finding.tokenIDs.length
  const headingID = `finding-${finding.id}`
  const listHref = `${paths.tokens.build(org.id)}?${new URLSearchParams({ finding: finding.id })}`
  return (
    <section aria-labelledby={headingID} className="rounded-lg border border-border bg-raised p-4">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 id={headingID} className="text-base font-semibold">
          {finding.title}
        </h2>
        <span className="rounded-full bg-sunken px-2 py-0.5 text-xs font-medium">{plural(count)}</span>
      </div>
      <p className="mt-1 text-sm text-muted">{finding.risk}</p>
      {finding.groups && (
        <p className="mt-1 text-sm">
          In {finding.groups.length} group{finding.groups.length === 1 ? '' : 's'} of identical tokens.
        </p>
      )}
      <ul className="mt-2 flex flex-col gap-0.5 text-sm">
        {tokens.slice(0, SHOWN_TOKENS).map((auth) => (
          <li key={auth.id} className="truncate">
            {auth.description.trim() ? <span className="font-medium">{auth.description}</span> : <em className="text-muted">No description</em>}
            <span className="text-muted"> · owner {auth.user || auth.userID}</span>
          </li>
        ))}
        {tokens.length > SHOWN_TOKENS && <li className="text-muted">and {tokens.length - SHOWN_TOKENS} more</li>}
      </ul>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <Link href={listHref} className="mr-auto text-sm font-medium text-accent underline underline-offset-4">
          Show {plural(count)} in the list
        </Link>
        {finding.actions.map((action) => (
          <Button key={action} size="sm" variant={action === 'delete' ? 'danger' : 'secondary'} onClick={() => setConfirming(action)}>
            {ACTION_LABELS[action]} {plural(count)}
          </Button>
        ))}
      </div>
      <BulkConfirmDialog
        orgID={org.id}
        kind={confirming}
        tokens={tokens}
        known={known}
        onCancel={() => setConfirming(null)}
        onDone={() => setConfirming(null)}
      />
    </section>
  )
}
