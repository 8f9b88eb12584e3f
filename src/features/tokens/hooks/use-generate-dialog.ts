import { useEffect, useRef, useState } from 'react'
import type { Authorization } from '@/api/contract'
import { useSearchParams } from '@/lib/router'
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
 * link or a return from sign-in reopens it. Replacing history entries keeps Back from reopening it.
 */
export function useGenerateDialog(tokens: Authorization[] | undefined) {
  const [params, setParams] = useSearchParams()
  const [request, setRequest] = useState<GenerateRequest | null>(() => {
    const kind = parseKind(params.get(GENERATE_PARAM))
    return kind ? { kind } : null
  })
  // A clone link names its source token; open it once the list has loaded.
  const pendingClone = useRef(params.get(CLONE_PARAM))
  useEffect(() => {
    const id = pendingClone.current
    if (!id || !tokens) return
    pendingClone.current = null
    const source = tokens.find((auth) => auth.id === id)
    if (source) setRequest({ kind: 'clone', source })
  }, [tokens])

  function open(next: GenerateRequest) {
    setRequest(next)
    setParams(next.kind === 'clone' ? { ...CLEARED, [CLONE_PARAM]: next.source.id } : { ...CLEARED, [GENERATE_PARAM]: next.kind })
  }

  function close() {
    setRequest(null)
    setParams(CLEARED)
  }

  /** The token was created: the dialog stays to show it, but the link no longer reopens it. */
  function spent() {
    setParams(CLEARED)
  }

  return { request, open, close, spent }
}
