import { useCallback, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react'
import { historyBudget } from './history-budget'
import { parseJsonOrUndefined } from './json'

/**
 * A few routes do not need a routing library: the History API plus one subscription keeps the
 * bundle small (react-router would be a fifth of it) and the behaviour easy to read.
 */
const listeners = new Set<() => void>()

function subscribe(listener: () => void) {
  listeners.add(listener)
  window.addEventListener('popstate', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('popstate', listener)
  }
}

function snapshot() {
  return window.location.pathname + window.location.search
}

/** `state` is the history entry's (default none); only dialog entries carry one (see below). */
export function navigate(to: string, options: { replace?: boolean; state?: unknown } = {}) {
  writeWaitingParams()
  if (to === snapshot() && (options.replace || options.state === undefined)) return
  if (options.replace) window.history.replaceState(options.state ?? null, '', to)
  else window.history.pushState(options.state ?? null, '', to)
  for (const listener of listeners) listener()
}

export function useLocation(): { pathname: string; search: string } {
  const current = useSyncExternalStore(subscribe, snapshot)
  const queryStart = current.indexOf('?')
  return queryStart === -1
    ? { pathname: current, search: '' }
    : { pathname: current.slice(0, queryStart), search: current.slice(queryStart) }
}

// Quiet writes that wait for their budget: see replaceSearchParamsQuietly.
const quietBudget = historyBudget({ burst: 20, refillMs: 600 })
let waiting: { update: Record<string, string | null>; timer: ReturnType<typeof setTimeout> } | undefined
const WAITING_KEY = 'influx-tokens.waiting-params'

/** The page's query parameters, with any still waiting to be written quietly (below). */
export function currentSearchParams(): URLSearchParams {
  return searchParamsWith({})
}

/** Where the page is, path and query, with any parameters still waiting to be written quietly. */
export function currentLocation(): string {
  return withParams({})
}

function searchParamsWith(update: Record<string, string | null>): URLSearchParams {
  const next = new URLSearchParams(window.location.search)
  for (const [key, value] of Object.entries({ ...waiting?.update, ...update })) {
    if (value === null || value === '') next.delete(key)
    else next.set(key, value)
  }
  return next
}

function withParams(update: Record<string, string | null>): string {
  const query = searchParamsWith(update).toString()
  return window.location.pathname + (query ? `?${query}` : '')
}

/**
 * Rewrites query parameters without re-rendering anything: for state that is only read when a
 * page opens (a filter's text, a dialog's draft), so a shared link or a reload restores it.
 * These writes follow typing, so they keep to a budget (history-budget.ts): past it, the newest
 * parameters wait for the next write it allows, and are written at once before anything else
 * changes the history. Back or Forward drops them: the entry they were for is no longer the
 * current one. A reload starts from the URL the entry has, so while they wait they are also kept
 * in the tab's session storage for restoreWaitingParams.
 */
export function replaceSearchParamsQuietly(update: Record<string, string | null>) {
  const merged = { ...waiting?.update, ...update }
  dropWaitingParams()
  const wait = quietBudget.wait(performance.now())
  if (wait === 0) {
    window.history.replaceState(window.history.state, '', withParams(merged))
    return
  }
  sessionStorage.setItem(WAITING_KEY, JSON.stringify({ from: snapshot(), to: withParams(merged) }))
  waiting = { update: merged, timer: setTimeout(() => replaceSearchParamsQuietly({}), wait) }
  window.addEventListener('popstate', dropWaitingParams)
}

/** At start-up, before anything reads the URL: a reload of an entry whose newest parameters were still waiting gets them. */
export function restoreWaitingParams() {
  const kept = sessionStorage.getItem(WAITING_KEY)
  if (kept === null) return
  sessionStorage.removeItem(WAITING_KEY)
  // Only this module writes it; anything unreadable there is simply not restored.
  const { from, to } = (parseJsonOrUndefined(kept) ?? {}) as { from?: unknown; to?: unknown }
  if (from !== snapshot() || typeof to !== 'string' || new URL(to, window.location.href).origin !== window.location.origin) return
  window.history.replaceState(window.history.state, '', to)
}

function dropWaitingParams() {
  if (!waiting) return
  clearTimeout(waiting.timer)
  waiting = undefined
  sessionStorage.removeItem(WAITING_KEY)
  window.removeEventListener('popstate', dropWaitingParams)
}

function writeWaitingParams() {
  if (!waiting) return
  const { update } = waiting
  dropWaitingParams()
  quietBudget.spend(performance.now())
  window.history.replaceState(window.history.state, '', withParams(update))
}

/** Query parameters as state: setting them replaces the history entry, so typing does not flood Back. */
export function useSearchParams(): [URLSearchParams, (update: Record<string, string | null>) => void] {
  const { search } = useLocation()
  const params = new URLSearchParams(search)
  const setParams = useCallback(
    (update: Record<string, string | null>) => navigate(withParams(update), { replace: true, state: window.history.state }),
    [],
  )
  return [params, setParams]
}

/**
 * A dialog whose parameters are in the URL gets a history entry of its own, so the browser's Back
 * closes the dialog instead of leaving the page. The entry is marked to tell it from others.
 */
const DIALOG_ENTRY = { dialog: true }

export function onDialogEntry(): boolean {
  const state: unknown = window.history.state
  return typeof state === 'object' && state !== null && (state as { dialog?: unknown }).dialog === true
}

/** Opens a dialog: a new entry whose URL has the dialog's parameters. */
export function pushDialogEntry(update: Record<string, string | null>) {
  navigate(withParams(update), { state: DIALOG_ENTRY })
}

/** A dialog opened by a link: the page without it (`closed`) goes under the entry, as if opened there. */
export function adoptDialogEntry(closed: Record<string, string | null>) {
  if (onDialogEntry()) return
  writeWaitingParams()
  const here = snapshot()
  window.history.replaceState(null, '', withParams(closed))
  window.history.pushState(DIALOG_ENTRY, '', here)
}

/**
 * Closes a dialog by hand: back over its entry, or (no entry of its own) its parameters `closed`.
 * Settles once the page is on the entry under it (and the browser restored its scroll position).
 */
export function leaveDialogEntry(closed: Record<string, string | null>): Promise<void> {
  writeWaitingParams()
  if (!onDialogEntry()) {
    navigate(withParams(closed), { replace: true })
    return Promise.resolve()
  }
  return new Promise((resolve) => {
    window.addEventListener('popstate', () => requestAnimationFrame(() => resolve()), { once: true })
    window.history.back()
  })
}

/** A malformed percent sequence (`%E0%A4%A`) is no segment at all, rather than an exception. */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch (error) {
    if (error instanceof URIError) return null
    throw error
  }
}

/**
 * Matches `/orgs/:orgID/load-data/tokens`-style patterns; returns the named segments, or null when
 * the path does not match or a named segment cannot be decoded (the caller shows "not found").
 */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const patternParts = pattern.split('/').filter(Boolean)
  const pathParts = pathname.split('/').filter(Boolean)
  if (patternParts.length !== pathParts.length) return null
  const params: Record<string, string> = {}
  for (const [i, part] of patternParts.entries()) {
    const actual = pathParts[i] ?? ''
    if (part.startsWith(':')) {
      const decoded = decodeSegment(actual)
      if (decoded === null) return null
      params[part.slice(1)] = decoded
    } else if (part !== actual) return null
  }
  return params
}

export function Link({ href, onClick, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event)
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return
    event.preventDefault()
    navigate(href)
  }
  return <a href={href} onClick={handleClick} {...props} />
}
