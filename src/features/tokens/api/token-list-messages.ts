import type { Authorizations } from '@/api/contract'
import { BodyReader, normaliseAuthorizations } from '@/api/normalise-authorizations'
import { firstScreenOf, type FirstScreen, type SortKey } from '../lib/token-list'

/** From the page to the token list worker: a chunk of the body as it arrives, then its end (with what to answer first, if anything). */
export type TokenListRequest = { chunk: Uint8Array } | { end: true; firstScreen?: { sortKey: SortKey; count: number } }

/** From the worker: the first screen when asked for, then the list. */
export type TokenListAnswer = { firstScreen: FirstScreen } | { list: Authorizations }

/**
 * What the worker does with the page's messages: decodes the chunks as they come, and at the end
 * parses the body, answers the first screen and then the normalised list. Throws on a body that
 * is not JSON.
 */
export function tokenListReader(answer: (message: TokenListAnswer) => void): (request: TokenListRequest) => void {
  const body = new BodyReader()
  return (request) => {
    if ('chunk' in request) return body.push(request.chunk)
    // Taken to be what the contract says, as any API answer is.
    const document = body.parse() as Authorizations
    const screen = request.firstScreen && firstScreenOf(document, request.firstScreen.sortKey, request.firstScreen.count)
    if (screen) answer({ firstScreen: screen })
    answer({ list: normaliseAuthorizations(document) })
  }
}
