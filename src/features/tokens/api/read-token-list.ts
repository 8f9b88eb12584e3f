import type { Authorizations } from '@/api/contract'
import { apiRequest } from '@/api/http'
import { shareStrings } from '@/api/normalise-authorizations'
import type { FirstScreen, SortKey } from '../lib/token-list'
import type { TokenListAnswer, TokenListRequest } from './token-list-messages'

export interface TokenListOptions {
  /** For a first load: called with the first `count` tokens in `sortKey` order before the whole list is read. */
  firstScreen?: { sortKey: SortKey; count: number; show: (screen: FirstScreen) => void }
}

/**
 * `GET /api/v2/authorizations` (at `path`), parsed and normalised in a worker (see
 * normalise-authorizations.ts). The API does not page this list, which can be tens of megabytes
 * of JSON (docs/performance.md): the page stays responsive and only takes in the result. The body goes to the worker
 * chunk by chunk as it downloads (each chunk's bytes transferred, not copied), and the worker ends
 * once the list is read, has failed or is no longer wanted.
 */
export async function readTokenList(path: string, signal?: AbortSignal, { firstScreen }: TokenListOptions = {}): Promise<Authorizations> {
  const worker = new Worker(new URL('./token-list.worker.ts', import.meta.url), { type: 'module' })
  const send = (request: TokenListRequest, transfer: Transferable[] = []) => worker.postMessage(request, transfer)
  const sent = apiRequest(path, {
    signal,
    read: async (response) => {
      const reader = response.body?.getReader()
      for (let part = await reader?.read(); part && !part.done; part = await reader?.read()) send({ chunk: part.value }, [part.value.buffer])
      send({ end: true, firstScreen: firstScreen && { sortKey: firstScreen.sortKey, count: firstScreen.count } })
    },
  })
  try {
    const [, list] = await abortable(Promise.all([sent, answerOf(worker, firstScreen?.show)]), signal)
    // A structured clone copies every string anew, even one it has seen.
    return shareStrings(list)
  } finally {
    worker.terminate()
  }
}

function answerOf(worker: Worker, showFirstScreen?: (screen: FirstScreen) => void): Promise<Authorizations> {
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<TokenListAnswer>) => {
      if ('firstScreen' in data) showFirstScreen?.(data.firstScreen)
      else resolve(data.list)
    }
    worker.onerror = (event) => {
      // Handled here, so the browser does not also report it as uncaught.
      event.preventDefault()
      reject(new Error(`The token list could not be read: ${event.message || 'the worker did not start'}`))
    }
    worker.onmessageerror = () => reject(new Error('The token list could not be read: the worker sent what the page cannot take in'))
  })
}

/** `promise`, or the abort's reason as soon as `signal` aborts. */
function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise
  return new Promise((resolve, reject) => {
    const abort = () => reject(signal.reason)
    if (signal.aborted) abort()
    else signal.addEventListener('abort', abort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort))
  })
}
