import type { ReactNode } from 'react'
import { Button } from './button'
import { Dialog, DialogBody, DialogContent, DialogFooter } from './dialog'

export interface ConfirmDialogProps {
  open: boolean
  title: string
  children: ReactNode
  confirmLabel: string
  /** The safe choice's label. */
  cancelLabel?: string
  /** Keeps the confirm button disabled, as while a typed confirmation is incomplete. */
  confirmDisabled?: boolean
  pending?: boolean
  onConfirm: () => void
  onCancel: () => void
}

/** An alert dialog for destructive actions: the safe choice (Cancel) takes focus first. */
export function ConfirmDialogContent({ open, title, children, confirmLabel, cancelLabel = 'Cancel', confirmDisabled, pending, onConfirm, onCancel }: ConfirmDialogProps) {
  return (
    <Dialog open={open} onOpenChange={(next) => !next && !pending && onCancel()}>
      {open && (
        <DialogContent title={title} role="alertdialog" className="max-w-md">
          <DialogBody className="text-sm">{children}</DialogBody>
          <DialogFooter>
            <Button onClick={onCancel} data-autofocus disabled={pending}>
              {cancelLabel}
            </Button>
            <Button variant="danger" onClick={onConfirm} pending={pending} disabled={confirmDisabled}>
              {confirmLabel}
            </Button>
          </DialogFooter>
        </DialogContent>
      )}
    </Dialog>
  )
}
