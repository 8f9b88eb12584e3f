// The token list, read off the main thread (see tokenListReader). Answers go back as structured
// clones, which keep shared objects shared; an error thrown here reaches the page as an `error` event.
import { tokenListReader, type TokenListRequest } from './token-list-messages'

const read = tokenListReader((answer) => self.postMessage(answer))

self.onmessage = (event: MessageEvent<TokenListRequest>) => read(event.data)
