/**
 * A Generate dialog's unsaved choices, carried in the URL so a link (or a sign-in after the
 * session expired) reopens the same dialog with the same selection. Choices only: a token
 * value never goes in here.
 */
export interface Draft {
  /** Description */
  d?: string
  /** Owner's user ID */
  u?: string
  /** The kind-specific editor's state */
  e?: unknown
}

export const DRAFT_PARAM = 'draft'
export const GENERATE_PARAM = 'generate'
export const CLONE_PARAM = 'clone'

function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'))
  return Uint8Array.from(binary, (char) => char.charCodeAt(0))
}

export function encodeDraft(draft: Draft): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(draft)))
}

/** Anything malformed (a truncated link, a hand-edited URL) is no draft rather than an error. */
export function decodeDraft(text: string | null): Draft {
  if (!text) return {}
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(text)))
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {}
    const { d, u, e } = value as Record<string, unknown>
    return {
      ...(typeof d === 'string' ? { d } : {}),
      ...(typeof u === 'string' && /^[0-9a-f]{16}$/.test(u) ? { u } : {}),
      ...(e !== undefined ? { e } : {}),
    }
  } catch {
    return {}
  }
}
