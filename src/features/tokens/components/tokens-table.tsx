import { useWindowVirtualizer } from '@tanstack/react-virtual'
import { useLayoutEffect, useRef, useState } from 'react'
import { cn } from '@/lib/cn'
import { formatDateTime, formatRelative } from '@/lib/time'
import type { TokenListItem } from '../lib/token-list'
import { scopeSummary } from '../lib/scope'

/** Rows have one fixed height so only the rows on screen need to exist in the DOM. */
const ROW_HEIGHT = 53
const COLUMNS = ['Description', 'Status', 'Created', 'Owner', 'Scope'] as const

const cell = 'px-3 align-middle'
const hideOnPhone = 'hidden md:table-cell'

export function TokensTable({ items, total }: { items: TokenListItem[]; total: number }) {
  const bodyRef = useRef<HTMLTableSectionElement>(null)
  const [scrollMargin, setScrollMargin] = useState(0)
  useLayoutEffect(() => {
    const top = bodyRef.current?.getBoundingClientRect().top ?? 0
    setScrollMargin(top + window.scrollY)
  }, [])

  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin,
  })
  const rows = virtualizer.getVirtualItems()
  const first = rows[0]
  const last = rows[rows.length - 1]
  const paddingTop = first ? first.start - scrollMargin : 0
  const paddingBottom = last ? virtualizer.getTotalSize() - (last.end - scrollMargin) : 0

  return (
    <div className="overflow-x-auto rounded-lg border border-border bg-raised">
      <table aria-label="Tokens" aria-rowcount={items.length + 1} className="w-full table-fixed border-collapse text-sm">
        <TableHead />
        <tbody ref={bodyRef}>
          {paddingTop > 0 && <tr aria-hidden="true" style={{ height: paddingTop }} />}
          {rows.map((row) => {
            const item = items[row.index]
            if (!item) return null
            return <TokenRow key={item.auth.id} item={item} rowIndex={row.index + 2} />
          })}
          {paddingBottom > 0 && <tr aria-hidden="true" style={{ height: paddingBottom }} />}
        </tbody>
      </table>
      {items.length !== total && (
        <p className="border-t border-border px-3 py-2 text-xs text-muted" role="status">
          Showing {items.length} of {total} tokens
        </p>
      )}
    </div>
  )
}

function TableHead() {
  return (
    <thead className="bg-sunken text-left text-xs font-semibold tracking-wide text-muted uppercase">
      <tr aria-rowindex={1} style={{ height: 40 }}>
        {COLUMNS.map((column) => (
          <th
            key={column}
            scope="col"
            className={cn(
              cell,
              'font-semibold',
              column === 'Description' && 'w-[34%]',
              column === 'Status' && 'w-24',
              (column === 'Created' || column === 'Owner') && hideOnPhone,
            )}
          >
            {column}
          </th>
        ))}
      </tr>
    </thead>
  )
}

function TokenRow({ item, rowIndex }: { item: TokenListItem; rowIndex: number }) {
  const { auth } = item
  const inactive = auth.status === 'inactive'
  return (
    <tr aria-rowindex={rowIndex} style={{ height: ROW_HEIGHT }} className={cn('border-t border-border', inactive && 'text-muted')}>
      <td className={cn(cell, 'truncate font-medium')} title={auth.description || undefined}>
        {auth.description ? auth.description : <span className="text-muted italic">Describe this Token</span>}
      </td>
      <td className={cell}>
        <StatusBadge active={!inactive} />
      </td>
      <td className={cn(cell, hideOnPhone, 'tabular-nums')}>
        <time dateTime={auth.createdAt} title={formatRelative(auth.createdAt)}>
          {formatDateTime(auth.createdAt)}
        </time>
      </td>
      <td className={cn(cell, hideOnPhone, 'truncate')}>{auth.user}</td>
      <td className={cn(cell, 'truncate')}>{scopeSummary(auth)}</td>
    </tr>
  )
}

function StatusBadge({ active }: { active: boolean }) {
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium',
        active ? 'bg-success/10 text-success' : 'bg-muted/15 text-muted',
      )}
    >
      <span aria-hidden="true" className={cn('size-1.5 rounded-full', active ? 'bg-success' : 'bg-muted')} />
      {active ? 'Active' : 'Inactive'}
    </span>
  )
}

export function TokensTableSkeleton() {
  return (
    <div className="overflow-hidden rounded-lg border border-border bg-raised" role="status" aria-label="Loading tokens">
      <div className="h-10 bg-sunken" />
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="flex items-center gap-4 border-t border-border px-3" style={{ height: ROW_HEIGHT }}>
          <div className="h-3 w-1/3 animate-pulse rounded bg-sunken" />
          <div className="h-3 w-16 animate-pulse rounded bg-sunken" />
          <div className="hidden h-3 w-32 animate-pulse rounded bg-sunken md:block" />
          <div className="h-3 w-24 animate-pulse rounded bg-sunken" />
        </div>
      ))}
    </div>
  )
}
