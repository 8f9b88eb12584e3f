import type { Authorization } from '@/api/contract'
import { tokenKind } from './permissions'

function isActiveOperator(auth: Authorization): boolean {
  return auth.status === 'active' && tokenKind(auth.permissions) === 'operator'
}

/**
 * Whether deleting or deactivating `targets` leaves none of the active operator tokens in `known`
 * (the tokens the page has listed). Only an operator token can create another, so after that the
 * UI can no longer make one. Operator tokens of orgs not listed are not seen: the answer errs on
 * the side of asking.
 */
export function losesLastOperator(known: readonly Authorization[], targets: readonly Authorization[]): boolean {
  const targetIDs = new Set(targets.map((auth) => auth.id))
  if (!targets.some(isActiveOperator)) return false
  return known.filter(isActiveOperator).every((auth) => targetIDs.has(auth.id))
}
