import { useState } from 'react'
import type { Authorization } from '@/api/contract'
import { Button } from '@/components/ui/button'
import { tokenKind } from '../lib/permissions'
import { tokenName } from './token-row'

// Which org's notice was dismissed: a preference, not a secret, so localStorage keeps it across tabs.
const dismissedKey = (orgID: string) => `influx-tokens.first-run-dismissed.${orgID}`

/** Right after onboarding the list holds one token, the operator token setup created. */
function setupToken(tokens: Authorization[]): Authorization | undefined {
  const [only] = tokens
  return tokens.length === 1 && only && tokenKind(only.permissions) === 'operator' ? only : undefined
}

/** Explains the operator token onboarding left in the list, and points to a first token of one's own. */
export function FirstRunNotice({ orgID, tokens, onGenerate }: { orgID: string; tokens: Authorization[]; onGenerate: () => void }) {
  const [dismissed, setDismissed] = useState(() => localStorage.getItem(dismissedKey(orgID)) !== null)
  const operator = setupToken(tokens)
  if (dismissed || !operator) return null

  function dismiss() {
    localStorage.setItem(dismissedKey(orgID), '1')
    setDismissed(true)
  }

  return (
    <section aria-labelledby="first-run-title" className="flex flex-col gap-3 rounded-lg border border-accent/40 bg-accent/5 px-4 py-3 text-sm sm:flex-row sm:items-start">
      <div className="flex-1">
        <h2 id="first-run-title" className="font-semibold">
          Your server is set up
        </h2>
        <p className="mt-1">
          Setup created <strong className="break-words">{tokenName(operator)}</strong>, an operator token: it can read and change
          everything on this server, in every organization. Its value is never shown again, and this page does not need it.
        </p>
        <p className="mt-1 text-muted">Give each script or app a token of its own, with only the access it needs.</p>
      </div>
      <div className="flex shrink-0 gap-2">
        <Button variant="primary" onClick={onGenerate}>
          Generate your first token
        </Button>
        <Button variant="ghost" onClick={dismiss}>
          Dismiss
        </Button>
      </div>
    </section>
  )
}
