import { cva } from 'class-variance-authority'
import { useLayoutEffect, useState, useSyncExternalStore } from 'react'

type ToastKind = 'success' | 'error'
interface Toast {
  id: number
  kind: ToastKind
  message: string
}

const DISMISS_AFTER_MS = { success: 5000, error: 9000 } as const

let toasts: Toast[] = []
let nextId = 1
const listeners = new Set<() => void>()

function emit() {
  for (const listener of listeners) listener()
}

export function dismissToast(id: number) {
  toasts = toasts.filter((t) => t.id !== id)
  emit()
}

function show(kind: ToastKind, message: string) {
  const id = nextId++
  toasts = [...toasts.slice(-3), { id, kind, message }]
  emit()
  setTimeout(() => dismissToast(id), DISMISS_AFTER_MS[kind])
}

export const toast = {
  success: (message: string) => show('success', message),
  error: (message: string) => show('error', message),
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/**
 * Marks what toasts must never cover (a dialog's footer with its buttons, the bulk-action bar):
 * while one is on screen, toasts stack just above the highest of them.
 */
const TOASTS_ABOVE = 'data-toasts-above'
const GAP_PX = 8

function clearance(): number | null {
  const tops = [...document.querySelectorAll(`[${TOASTS_ABOVE}]`)]
    .map((element) => element.getBoundingClientRect())
    .filter((rect) => rect.height > 0 && rect.top < window.innerHeight)
    .map((rect) => rect.top)
  return tops.length > 0 ? window.innerHeight - Math.min(...tops) + GAP_PX : null
}

/** Measured only while toasts are shown; a dialog opening or closing under them moves them. */
function useClearance(active: boolean): number | null {
  const [bottom, setBottom] = useState<number | null>(null)
  useLayoutEffect(() => {
    if (!active) return
    setBottom(clearance())
    let frame = 0
    const measure = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => setBottom(clearance()))
    }
    const observer = new MutationObserver(measure)
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class'] })
    window.addEventListener('resize', measure)
    return () => {
      cancelAnimationFrame(frame)
      observer.disconnect()
      window.removeEventListener('resize', measure)
    }
  }, [active])
  return bottom
}

/**
 * Two live regions that exist from the first render, so screen readers announce every toast:
 * polite for confirmations, assertive for failures.
 */
export function Toaster() {
  const current = useSyncExternalStore(subscribe, () => toasts)
  const bottom = useClearance(current.length > 0)
  return (
    <div
      className="pointer-events-none fixed right-4 bottom-4 left-4 z-[60] flex flex-col items-end gap-2 sm:left-auto"
      style={bottom === null ? undefined : { bottom }}
    >
      <ToastRegion kind="success" live="polite" toasts={current} />
      <ToastRegion kind="error" live="assertive" toasts={current} />
    </div>
  )
}

const toastVariants = cva(
  'pointer-events-auto flex max-w-sm items-start gap-3 rounded-lg border border-l-4 border-border bg-raised px-4 py-3 text-sm text-fg shadow-lg',
  { variants: { kind: { success: 'border-l-success', error: 'border-l-danger' } } },
)

function ToastRegion({ kind, live, toasts: all }: { kind: ToastKind; live: 'polite' | 'assertive'; toasts: Toast[] }) {
  const mine = all.filter((t) => t.kind === kind)
  return (
    <div aria-live={live} aria-relevant="additions text" className="flex flex-col items-end gap-2">
      {mine.map((t) => (
        <div
          key={t.id}
          data-testid={`notification-${t.kind}`}
          className={toastVariants({ kind: t.kind })}
        >
          <p className="min-w-0 flex-1 break-words">{t.message}</p>
          <button
            type="button"
            onClick={() => dismissToast(t.id)}
            className="-mr-1 rounded px-1 text-muted hover:text-fg"
            aria-label="Dismiss notification"
          >
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
