import type { Authorization, Authorizations } from '@/api/contract'
import { apiRequest, errorMessage } from '@/api/http'
import { ListBodyReader } from '@/api/list-body-reader'
import { stringSharer, tokenNormaliser } from '@/api/normalise-authorizations'
import { taskSlicer } from '@/lib/slices'
import { scopeSummary } from '../lib/scope'
import { firstScreenOf, type FirstScreen, type SortKey } from '../lib/token-list'

export interface TokenListOptions {
  /** For a first load: called with the first `count` tokens in `sortKey` order before the whole list is ready. */
  firstScreen?: { sortKey: SortKey; count: number; show: (screen: FirstScreen) => void }
}

/**
 * `GET /api/v2/authorizations` (at `path`), read on the page as it downloads and made small
 * enough to keep (normalise-authorizations.ts). The API does not page this list, which can be
 * tens of megabytes of JSON (docs/performance.md), yet no task this takes is long: each chunk's
 * tokens are parsed as they arrive (list-body-reader.ts), and the sharing runs in slices. A first
 * load shows its first screen as soon as the last chunk is parsed, before the sharing.
 */
export async function readTokenList(path: string, signal?: AbortSignal, { firstScreen }: TokenListOptions = {}): Promise<Authorizations> {
  const pause = taskSlicer(signal)
  const document = await apiRequest(path, { signal, read: (response) => readBody(response, pause) })
  const screen = firstScreen && firstScreenOf(document, firstScreen.sortKey, firstScreen.count)
  if (screen) firstScreen.show(screen)
  // Taken to be what the contract says, as any API answer is.
  const tokens: unknown[] = Array.isArray(document.authorizations) ? document.authorizations : []
  const normalise = tokenNormaliser()
  const share = stringSharer()
  // The first screen (or the list read before) is on screen meanwhile: all else the page has to
  // do goes first.
  const pauseForOthers = taskSlicer(signal, 'background')
  for (let i = 0; i < tokens.length; i++) {
    const token = share(normalise(tokens[i])) as Authorization
    // The Scope column and the filter read it: worked out here, the first keystrokes need not.
    if (Array.isArray(token.permissions)) scopeSummary(token)
    tokens[i] = token
    await pauseForOthers()
  }
  return share(document)
}

async function readBody(response: Response, pause: () => Promise<void>): Promise<Authorizations> {
  const body = new ListBodyReader()
  const reader = response.body?.getReader()
  for (let part = await reader?.read(); part && !part.done; part = await reader?.read()) {
    body.push(part.value)
    // Chunks that arrived meanwhile are read at once, in one task, unless this yields.
    await pause()
  }
  try {
    return body.parse() as Authorizations
  } catch (error) {
    throw new Error(`The token list could not be read: ${errorMessage(error)}`, { cause: error })
  }
}
