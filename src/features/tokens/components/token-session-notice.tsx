import { useTokenAccess } from '@/api/session-access'

/** For a token session, says what the token may do in this org; nothing for a password session. */
export function TokenSessionNotice({ orgID }: { orgID: string }) {
  const { access, session } = useTokenAccess(orgID)
  if (!session) return null
  let can: string
  if (!access.known) can = 'What this token may do could not be read; anything it may not do will be refused.'
  else if (!access.readTokens) can = access.writeTokens ? 'It can create tokens in this organization but cannot list them.' : 'It cannot list or change the tokens of this organization.'
  else if (!access.writeTokens) can = 'It can list the tokens of this organization but cannot generate, change or delete any.'
  else can = 'It can list, generate, change and delete the tokens of this organization.'
  return (
    <p role="status" aria-label="Token session" className="mb-4 rounded-md border border-border bg-raised px-3 py-2 text-sm">
      Signed in with an API token of <strong>{session.user.name}</strong>. {can}
      {access.known && !session.exact && ' (Worked out from all the tokens of this user: the token may be allowed less.)'}
    </p>
  )
}
