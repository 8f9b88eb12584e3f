import { useMemo } from 'react'
import type { Organization, User } from '@/api/contract'
import { useTokenReview } from '../api/use-token-review'
import { findRule } from '../lib/review'

/**
 * The `?finding=` filter of the token list: the tokens of one review finding, worked out on the
 * list page too, so a link from the review (or a shared one) shows exactly them. An unknown
 * finding is ignored, as an unknown sort order is.
 */
export function useReviewFilter(org: Organization, me: User, findingID: string | null) {
  const rule = findRule(findingID)
  const { review, error, retry } = useTokenReview(org, me, rule !== undefined)
  const ids = useMemo(() => {
    if (!rule || !review) return null
    return new Set<string>(review.findings.find((finding) => finding.id === rule.id)?.tokenIDs ?? [])
  }, [rule, review])
  return { rule, ids, pending: rule !== undefined && ids === null && error === null, error, retry }
}
