// Reads a token list off the main thread: the body comes in as chunks of bytes while it
// downloads; the first screen (when asked for) and then the normalised list go back as structured
// clones, which keep shared objects shared. A body that is not JSON throws here, and the page gets
// the error as an `error` event.
import type { Authorizations } from '@/api/contract'
import { BodyReader, normaliseAuthorizations } from '@/api/normalise-authorizations'
import { firstScreenOf } from '../lib/token-list'
import type { TokenListAnswer, TokenListRequest } from './read-token-list'

const body = new BodyReader()
const answer = (message: TokenListAnswer) => self.postMessage(message)

self.onmessage = ({ data }: MessageEvent<TokenListRequest>) => {
  if ('chunk' in data) return body.push(data.chunk)
  // Taken to be what the contract says, as any API answer is.
  const document = body.parse() as Authorizations
  const screen = data.firstScreen && firstScreenOf(document, data.firstScreen.sortKey, data.firstScreen.count)
  if (screen) answer({ firstScreen: screen })
  answer({ list: normaliseAuthorizations(document) })
}
