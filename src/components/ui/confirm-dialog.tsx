import { lazy, Suspense } from 'react'
import type { ConfirmDialogProps } from './confirm-dialog-content'

// The modal machinery loads with the first confirmation, keeping it out of the page's first bundle.
const ConfirmDialogContent = lazy(() => import('./confirm-dialog-content').then((m) => ({ default: m.ConfirmDialogContent })))

export function ConfirmDialog(props: ConfirmDialogProps) {
  if (!props.open) return null
  return (
    <Suspense fallback={null}>
      <ConfirmDialogContent {...props} />
    </Suspense>
  )
}
