// Parses a token list off the main thread: the body comes in as bytes, the normalised list goes
// back as a structured clone, which keeps shared objects shared. A body that is not JSON throws
// here, and the page gets the error as the worker's `error` event.
import { parseAuthorizations } from './normalise-authorizations'

self.onmessage = (event: MessageEvent<ArrayBuffer>) => self.postMessage(parseAuthorizations(event.data))
