// Reads a token list off the main thread: the body comes in as bytes; the first screen (when
// asked for) and then the normalised list go back as structured clones, which keep shared objects
// shared. A body that is not JSON throws here, and the page gets the error as an `error` event.
import type { Authorizations } from '@/api/contract'
import { normaliseAuthorizations, parseBody } from '@/api/normalise-authorizations'
import { firstScreenOf } from '../lib/token-list'
import type { TokenListAnswer, TokenListRequest } from './read-token-list'

const answer = (message: TokenListAnswer) => self.postMessage(message)

self.onmessage = ({ data: { body, firstScreen } }: MessageEvent<TokenListRequest>) => {
  // Taken to be what the contract says, as any API answer is.
  const document = parseBody(body) as Authorizations
  const screen = firstScreen && firstScreenOf(document, firstScreen.sortKey, firstScreen.count)
  if (screen) answer({ firstScreen: screen })
  answer({ list: normaliseAuthorizations(document) })
}
