import type { Authorizations } from '@/api/contract'
import { apiRequest } from '@/api/http'
import { shareStrings } from '@/api/normalise-authorizations'
import type { FirstScreen, SortKey } from '../lib/token-list'

export interface TokenListRequest {
  body: ArrayBuffer
  firstScreen?: { sortKey: SortKey; count: number }
}

export type TokenListAnswer = { firstScreen: FirstScreen } | { list: Authorizations }

export interface TokenListOptions {
  /** For a first load: called with the first `count` tokens in `sortKey` order before the whole list is read. */
  firstScreen?: { sortKey: SortKey; count: number; show: (screen: FirstScreen) => void }
}

/**
 * `GET /api/v2/authorizations` (at `path`), parsed and normalised in a worker (see
 * normalise-authorizations.ts). The API does not page this list, and 10,000 tokens are over 30 MB
 * of JSON: the page stays responsive and only takes in the result. The worker starts while the
 * body downloads, and ends once the list is read, has failed or is no longer wanted.
 */
export async function readTokenList(path: string, signal?: AbortSignal, { firstScreen }: TokenListOptions = {}): Promise<Authorizations> {
  const worker = new Worker(new URL('./token-list.worker.ts', import.meta.url), { type: 'module' })
  try {
    const body = await apiRequest(path, { signal, read: (response) => response.arrayBuffer() })
    signal?.throwIfAborted()
    const list = await new Promise<Authorizations>((resolve, reject) => {
      const abort = () => reject(signal?.reason)
      signal?.addEventListener('abort', abort, { once: true })
      const settle = () => signal?.removeEventListener('abort', abort)
      worker.onmessage = ({ data }: MessageEvent<TokenListAnswer>) => {
        if ('firstScreen' in data) return firstScreen?.show(data.firstScreen)
        settle()
        resolve(data.list)
      }
      worker.onerror = (event) => {
        // Handled here, so the browser does not also report it as uncaught.
        event.preventDefault()
        settle()
        reject(new Error(`The token list could not be read: ${event.message || 'the worker did not start'}`))
      }
      worker.onmessageerror = () => {
        settle()
        reject(new Error('The token list could not be read: the worker sent what the page cannot take in'))
      }
      const request: TokenListRequest = { body, firstScreen: firstScreen && { sortKey: firstScreen.sortKey, count: firstScreen.count } }
      // Transferred, not copied: the page keeps no second copy of the body.
      worker.postMessage(request, [body])
    })
    // A structured clone copies every string anew, even one it has seen.
    return shareStrings(list)
  } finally {
    worker.terminate()
  }
}
