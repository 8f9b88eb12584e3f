import { useQuery } from '@tanstack/react-query'
import type { Permission } from './contract'
import type { TokenSession } from './session'
import { sessionQueries } from './session-queries'

/** What the current session may do with one org's tokens, as shown in the UI; the server still decides. */
export interface TokenAccess {
  readTokens: boolean
  writeTokens: boolean
  /** Whether this is known (a password session, or a token whose permissions were read). */
  known: boolean
}

const ALL: TokenAccess = { readTokens: true, writeTokens: true, known: true }

// InfluxDB lets a token list or change an org's tokens when it holds that action on
// authorizations, either for every org or for this one.
const holds = (permissions: Permission[], action: Permission['action'], orgID: string) =>
  permissions.some(
    ({ action: held, resource }) =>
      held === action && resource.type === 'authorizations' && resource.id === undefined && (resource.orgID === undefined || resource.orgID === orgID),
  )

/** A password session (null) is not limited here; a token session by its token's permissions. */
export function tokenAccess(session: TokenSession | null, orgID: string): TokenAccess {
  if (session === null) return ALL
  if (session.permissions === null) return { ...ALL, known: false }
  return { readTokens: holds(session.permissions, 'read', orgID), writeTokens: holds(session.permissions, 'write', orgID), known: true }
}

// Until the session's kind is known nothing is offered, so a read-only token never sees Generate flash by.
const PENDING: TokenAccess = { readTokens: true, writeTokens: false, known: false }

/** What the current session may do with `orgID`'s tokens, and the token session itself (null for a password one). */
export function useTokenAccess(orgID: string) {
  const session = useQuery(sessionQueries.tokenSession())
  if (session.isPending) return { access: PENDING, session: undefined }
  // Not knowing the kind of session (the check failed) limits nothing: the server still refuses.
  const data = session.data ?? null
  return { access: tokenAccess(data, orgID), session: data }
}
