import { useEffect, useRef, useState } from 'react'
import type { Authorization } from '@/api/contract'
import { adoptDialogEntry, leaveDialogEntry, onDialogEntry, pushDialogEntry, useSearchParams } from '@/lib/router'
import type { GenerateRequest } from '../components/generate-token-dialogs'
import { CLONE_PARAM, DRAFT_PARAM, GENERATE_PARAM } from '../lib/draft'
import type { TokenKind } from '../lib/permissions'

const KINDS: readonly TokenKind[] = ['read-write', 'all-access', 'custom', 'operator']

function parseKind(value: string | null): TokenKind | null {
  return KINDS.find((kind) => kind === value) ?? null
}

const CLEARED = { [GENERATE_PARAM]: null, [CLONE_PARAM]: null, [DRAFT_PARAM]: null }

/**
 * Which Generate dialog is open, mirrored in the URL (`generate`, `clone`, `draft`) so a shared
 * link or a return from sign-in reopens it. Each opened dialog has a history entry of its own:
 * Back closes it (its draft stays in that entry, so Forward reopens it as it was), and closing it
 * by hand goes back over the entry, so Back then leaves nothing behind to reopen.
 */
export function useGenerateDialog(tokens: Authorization[] | undefined) {
  const [params, setParams] = useSearchParams()
  const kind = parseKind(params.get(GENERATE_PARAM))
  const cloneID = params.get(CLONE_PARAM)
  const [request, setRequest] = useState<GenerateRequest | null>(() => (kind ? { kind } : null))
  // After Save the URL no longer names the dialog, but the new token is still on show: Back must
  // not close it before the value was copied.
  const spent = useRef(false)

  // The URL leads: Back closes the dialog, Forward or a link (a clone once the list is read) opens it.
  useEffect(() => {
    if (request) {
      if (!kind && !cloneID && !spent.current) setRequest(null)
      return
    }
    if (kind) setRequest({ kind })
    else if (cloneID && tokens) {
      const source = tokens.find((auth) => auth.id === cloneID)
      if (source) setRequest({ kind: 'clone', source })
    }
  }, [request, kind, cloneID, tokens])

  useEffect(() => {
    if (request && !spent.current) adoptDialogEntry(CLEARED)
  }, [request])

  function open(next: GenerateRequest) {
    spent.current = false
    setRequest(next)
    pushDialogEntry(next.kind === 'clone' ? { ...CLEARED, [CLONE_PARAM]: next.source.id } : { ...CLEARED, [GENERATE_PARAM]: next.kind })
  }

  /** Settles once the page is back under the dialog. */
  function close(): Promise<void> {
    const wasSpent = spent.current
    spent.current = false
    // On its own entry the dialog closes as Back closes it, once the URL changed; a spent one has
    // nothing left in the URL to wait for.
    if (!onDialogEntry() || wasSpent) setRequest(null)
    return leaveDialogEntry(CLEARED)
  }

  /** The token was created: the dialog stays to show it, but the link no longer reopens it. */
  function spentDialog() {
    spent.current = true
    setParams(CLEARED)
  }

  return { request, open, close, spent: spentDialog }
}
