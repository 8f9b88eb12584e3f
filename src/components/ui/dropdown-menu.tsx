import * as RadixMenu from '@radix-ui/react-dropdown-menu'
import type { ReactNode } from 'react'
import { cn } from '@/lib/cn'

export const DropdownMenu = RadixMenu.Root
export const DropdownMenuTrigger = RadixMenu.Trigger

/** The downward chevron after a menu button's label: it opens a menu. */
export function MenuChevron() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
      <path d="M5.2 7.2a1 1 0 0 1 1.4 0L10 10.6l3.4-3.4a1 1 0 1 1 1.4 1.4l-4.1 4.1a1 1 0 0 1-1.4 0L5.2 8.6a1 1 0 0 1 0-1.4Z" />
    </svg>
  )
}

export function DropdownMenuContent({
  children,
  align = 'end',
  onCloseAutoFocus,
}: {
  children: ReactNode
  align?: 'start' | 'end'
  onCloseAutoFocus?: (event: Event) => void
}) {
  return (
    <RadixMenu.Portal>
      <RadixMenu.Content
        align={align}
        onCloseAutoFocus={onCloseAutoFocus}
        sideOffset={6}
        className="z-50 min-w-52 rounded-lg border border-border bg-raised p-1 text-fg shadow-xl"
      >
        {children}
      </RadixMenu.Content>
    </RadixMenu.Portal>
  )
}

export function DropdownMenuItem({
  children,
  onSelect,
  hint,
  className,
}: {
  children: ReactNode
  onSelect: () => void
  hint?: string
  className?: string
}) {
  return (
    <RadixMenu.Item
      onSelect={onSelect}
      className={cn(
        'flex cursor-pointer flex-col rounded-md px-3 py-2 text-sm outline-none select-none',
        'data-[highlighted]:bg-sunken data-[highlighted]:text-fg',
        className,
      )}
    >
      <span className="font-medium">{children}</span>
      {hint && (
        <span aria-hidden="true" className="text-xs text-muted">
          {hint}
        </span>
      )}
    </RadixMenu.Item>
  )
}
