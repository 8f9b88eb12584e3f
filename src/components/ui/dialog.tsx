import * as RadixDialog from '@radix-ui/react-dialog'
import { useRef, useState, type ReactNode } from 'react'
import { cn } from '@/lib/cn'

export const Dialog = RadixDialog.Root

export interface DialogContentProps {
  title: ReactNode
  description?: ReactNode
  children: ReactNode
  className?: string
  /** Called instead of closing when Escape, an outside click or the X asks to close. */
  onRequestClose?: () => void
  role?: 'dialog' | 'alertdialog'
  /** Where focus goes on close when the element that opened the dialog is gone (a menu item). */
  returnFocusTo?: () => HTMLElement | null | undefined
}

/** A modal with a title (its accessible name), focus trapped inside and returned on close. */
export function DialogContent({ title, description, children, className, onRequestClose, role = 'dialog', returnFocusTo }: DialogContentProps) {
  const contentRef = useRef<HTMLDivElement>(null)
  // Radix returns focus only to a Dialog.Trigger; these dialogs open from menus, rows and code,
  // so remember what had focus when the dialog appeared.
  const [opener] = useState(() => {
    const active = document.activeElement
    return active instanceof HTMLElement && active !== document.body ? active : null
  })
  function intercept(event: Event) {
    if (!onRequestClose) return
    event.preventDefault()
    onRequestClose()
  }
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay className="fixed inset-0 z-40 bg-black/50 data-[state=open]:animate-[fade-in_120ms_ease-out]" />
      <RadixDialog.Content
        ref={contentRef}
        role={role}
        onEscapeKeyDown={intercept}
        onPointerDownOutside={intercept}
        // Focus leaving a modal (a page behind it re-rendering) is not a request to close it.
        onFocusOutside={(event) => event.preventDefault()}
        onOpenAutoFocus={(event) => {
          // Start where typing begins (a field marked data-autofocus), not on the close button.
          const field = contentRef.current?.querySelector<HTMLElement>('[data-autofocus]')
          if (!field) return
          event.preventDefault()
          field.focus()
        }}
        onCloseAutoFocus={(event) => {
          event.preventDefault()
          const target = opener?.isConnected ? opener : returnFocusTo?.()
          // Without scrolling: the page did not move while the dialog was open, and what closed it
          // may scroll it on purpose (to a token just created).
          target?.focus({ preventScroll: true })
        }}
        {...(description ? {} : { 'aria-describedby': undefined })}
        className={cn(
          'fixed top-1/2 left-1/2 z-50 flex max-h-[calc(100dvh-2rem)] w-[calc(100vw-1.5rem)] -translate-x-1/2 -translate-y-1/2 flex-col',
          'max-w-lg rounded-xl border border-border bg-raised text-fg shadow-2xl',
          className,
        )}
      >
        <div className="flex items-start justify-between gap-4 border-b border-border px-5 py-4">
          <div className="min-w-0">
            <RadixDialog.Title className="text-base font-semibold break-words">{title}</RadixDialog.Title>
            {description ? (
              <RadixDialog.Description className="mt-1 text-sm text-muted">{description}</RadixDialog.Description>
            ) : null}
          </div>
          <RadixDialog.Close
            aria-label="Close"
            className="-mr-1 rounded-md p-1 text-muted hover:bg-sunken hover:text-fg"
            onClick={(event) => {
              if (!onRequestClose) return
              event.preventDefault()
              onRequestClose()
            }}
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="currentColor">
              <path d="M5.3 5.3a1 1 0 0 1 1.4 0L10 8.6l3.3-3.3a1 1 0 1 1 1.4 1.4L11.4 10l3.3 3.3a1 1 0 0 1-1.4 1.4L10 11.4l-3.3 3.3a1 1 0 0 1-1.4-1.4L8.6 10 5.3 6.7a1 1 0 0 1 0-1.4Z" />
            </svg>
          </RadixDialog.Close>
        </div>
        {children}
      </RadixDialog.Content>
    </RadixDialog.Portal>
  )
}

export function DialogBody({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cn('min-h-0 flex-1 overflow-y-auto px-5 py-4', className)}>{children}</div>
}

export function DialogFooter({ children, className }: { children: ReactNode; className?: string }) {
  return (
    // On a phone a footer's text takes a line of its own, so the buttons stay together on the next.
    <div data-toasts-above className={cn('flex flex-wrap items-center justify-end gap-2 border-t border-border px-5 py-3 [&>p]:basis-full sm:[&>p]:basis-auto', className)}>
      {children}
    </div>
  )
}
