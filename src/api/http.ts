import type { ApiErrorBody } from './contract'

/** An InfluxDB `{code, message}` error, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  /** Seconds to wait before trying again, from a 429's `Retry-After`. */
  readonly retryAfter?: number

  constructor(status: number, code: string, message: string, retryAfter?: number) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.retryAfter = retryAfter
  }
}

export type SessionProblem = 'expired' | 'user-inactive'
type SessionListener = (problem: SessionProblem) => void
const sessionListeners = new Set<SessionListener>()
/**
 * A problem met while nothing listened: the first requests start (and, preloaded, may fail)
 * before the app has rendered what listens. The first listener hears it.
 */
let unheard: SessionProblem | undefined

/** Called when a session-authenticated request learns the session is gone or the user was deactivated. */
export function onSessionProblem(listener: SessionListener): () => void {
  sessionListeners.add(listener)
  const problem = unheard
  unheard = undefined
  if (problem) queueMicrotask(() => listener(problem))
  return () => sessionListeners.delete(listener)
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  json?: unknown
  body?: string
  headers?: Record<string, string>
  signal?: AbortSignal
  /**
   * `session` (default): the cookie authenticates, and a 401 means the session ended.
   * `explicit`: the caller sends its own credentials (a token being tried, the sign-in form),
   * so a 401 is that request's answer, not a reason to leave the page.
   */
  auth?: 'session' | 'explicit'
}

export const NETWORK_ERROR_MESSAGE = 'Could not reach the server. Check your connection and try again.'

export async function apiRequest<T>(path: string, options: RequestOptions & { read?: (response: Response) => Promise<T> } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers }
  let body = options.body
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.json)
  }
  let response: Response
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body,
      signal: options.signal,
      credentials: 'same-origin',
    })
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw new ApiError(0, 'network', NETWORK_ERROR_MESSAGE)
  }
  if (!response.ok) {
    const error = await toApiError(response)
    if ((options.auth ?? 'session') === 'session') notifySessionProblem(error)
    throw error
  }
  if (response.status === 204) return undefined as T
  if (options.read) return options.read(response)
  const text = await response.text()
  return (text ? JSON.parse(text) : undefined) as T
}

async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '')
  const retryAfter = retryAfterSeconds(response)
  try {
    const parsed = JSON.parse(text) as Partial<ApiErrorBody>
    if (typeof parsed.message === 'string') {
      return new ApiError(response.status, parsed.code ?? 'unknown', parsed.message, retryAfter)
    }
  } catch {
    // Not JSON: a proxy or gateway answered; fall through to a readable message.
  }
  const message = text.trim().slice(0, 200) || `${response.status} ${response.statusText}`.trim()
  return new ApiError(response.status, 'unknown', message, retryAfter)
}

// Only the delay-seconds form: the servers this app talks to send no HTTP dates.
function retryAfterSeconds(response: Response): number | undefined {
  const value = response.headers.get('Retry-After')
  if (response.status !== 429 || !value || !/^\d+$/.test(value.trim())) return undefined
  return Number(value)
}

// InfluxDB answers a missing permission with 401 too (`write:orgs/<id>/authorizations is unauthorized`):
// the session is fine, only that request is refused. A read-only token session meets this often.
const MISSING_PERMISSION = /^(read|write):\S+ is unauthorized$/

function notifySessionProblem(error: ApiError) {
  let problem: SessionProblem | undefined
  if (error.status === 401 && error.message !== 'token is inactive' && !MISSING_PERMISSION.test(error.message)) problem = 'expired'
  if (error.status === 403 && error.message === 'User is inactive') problem = 'user-inactive'
  if (problem && sessionListeners.size === 0) unheard ??= problem
  else if (problem) for (const listener of sessionListeners) listener(problem)
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
