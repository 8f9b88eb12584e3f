import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { Authorization, Organization, User } from '@/api/contract'
import { LoadError } from '@/components/ui/load-error'
import { tokenQueries } from '../api/token-queries'
import { useTokenReview } from '../api/use-token-review'
import { ReviewFinding } from './review-finding'

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`

/** The Review tab: each finding of the review with its risk, its tokens, a link to them and the actions that fit. */
export function ReviewPanel({ org, me }: { org: Organization; me: User }) {
  const { review, error, retry } = useTokenReview(org, me, true)
  const tokens = useQuery(tokenQueries.list(org.id))
  const byID = useMemo(() => new Map<string, Authorization>((tokens.data ?? []).map((auth) => [auth.id, auth])), [tokens.data])

  if (error) return <LoadError error={error} onRetry={retry} />
  if (!review) return <ReviewSkeleton />
  const total = tokens.data?.length ?? 0
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-muted">
        Reviewed {plural(total, 'token')} of <strong className="text-fg">{org.name}</strong>
        {review.findings.length > 0 && `: ${plural(review.findings.length, 'finding')}`}.
      </p>
      {review.findings.length === 0 ? (
        <div role="region" aria-label="No findings" className="rounded-lg border border-dashed border-border px-6 py-12 text-center">
          <p className="text-base font-medium">No findings</p>
          <p className="mt-1 text-sm text-muted">No token of this organization needs a second look.</p>
        </div>
      ) : (
        <ul className="flex flex-col gap-3">
          {review.findings.map((finding) => (
            <li key={finding.id}>
              <ReviewFinding finding={finding} org={org} tokens={finding.tokenIDs.flatMap((id) => byID.get(id) ?? [])} known={tokens.data ?? []} />
            </li>
          ))}
        </ul>
      )}
      {review.unchecked.includes('owner-gone') && (
        <p className="text-sm text-muted">Tokens of deleted users were not looked for: only an operator can read every user.</p>
      )}
    </div>
  )
}

export function ReviewSkeleton() {
  return (
    <div role="status" aria-label="Loading review" className="flex flex-col gap-3">
      {Array.from({ length: 3 }, (_, i) => (
        <div key={i} className="h-28 animate-pulse rounded-lg border border-border bg-sunken" />
      ))}
    </div>
  )
}
