import { useWindowVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import type { Authorization } from '@/api/contract'
import { cn } from '@/lib/cn'
import type { BucketReach } from '../lib/bucket-reach'
import { cell, COLUMN_WIDTH, HEADER_HEIGHT, hideOnPhone, ROW_HEIGHT, TABLE_CLASS } from '../lib/table-layout'
import { TokenRow, type RowActions } from './token-row'

export interface TokensTableProps {
  items: Authorization[]
  /** The rows the table stands for, when only the first `items` of them are ready yet. */
  rowCount?: number
  total: number
  selected: ReadonlySet<string>
  onSelectShown: (auths: Authorization[], selected: boolean) => void
  actions: RowActions
  /** With the Bucket filter on: how each token reaches the chosen bucket. */
  reach?: ReadonlyMap<string, BucketReach> | null
  /** A token to scroll into view and mark (one just created). */
  highlightID?: string | null
}

/** Only the rows on screen exist in the DOM; `aria-rowcount`/`aria-rowindex` keep the table whole for assistive technology. */
export const TokensTable = memo(function TokensTable({ items, rowCount = items.length, total, selected, onSelectShown, actions, reach, highlightID }: TokensTableProps) {
  const bodyRef = useRef<HTMLTableSectionElement>(null)
  const { rows, paddingTop, paddingBottom, scrollToIndex, measureRow } = useRowsInWindow(bodyRef, rowCount)
  const highlightIndex = highlightID ? items.findIndex((auth) => auth.id === highlightID) : -1
  useEffect(() => {
    if (highlightIndex < 0) return
    const frame = requestAnimationFrame(() => scrollToIndex(highlightIndex, { align: 'center' }))
    return () => cancelAnimationFrame(frame)
  }, [highlightIndex, scrollToIndex])
  const partial = items.length < rowCount
  // Counting walks every shown token; with nothing selected (as while typing a filter) it need not.
  const selectedShown = selected.size === 0 ? 0 : items.reduce((n, auth) => n + (selected.has(auth.id) ? 1 : 0), 0)

  return (
    <div className="overflow-x-auto rounded-lg border border-border bg-raised">
      <table aria-label="Tokens" aria-rowcount={rowCount + 1} aria-busy={partial || undefined} className={cn(TABLE_CLASS, reach && 'min-w-[600px]')}>
        <thead className="bg-sunken text-left text-xs font-semibold tracking-wide text-muted uppercase">
          <tr aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
            {actions.canChange ? (
              <th scope="col" className={cn(cell, COLUMN_WIDTH.select)}>
                <HeaderCheckbox
                  disabled={partial}
                  checked={selectedShown > 0 && selectedShown === items.length}
                  indeterminate={selectedShown > 0 && selectedShown < items.length}
                  onChange={(checked) => onSelectShown(items, checked)}
                />
              </th>
            ) : (
              // Nothing to select where nothing can be changed; the column keeps the layout.
              <td className={cn(cell, COLUMN_WIDTH.select)} />
            )}
            <th scope="col" className={cn(cell, COLUMN_WIDTH.description)}>Description</th>
            <th scope="col" className={cn(cell, COLUMN_WIDTH.status)}>Status</th>
            <th scope="col" className={cn(cell, hideOnPhone, COLUMN_WIDTH.created)}>Created</th>
            <th scope="col" className={cn(cell, hideOnPhone, COLUMN_WIDTH.owner)}>Owner</th>
            {reach ? (
              <>
                <th scope="col" className={cn(cell, COLUMN_WIDTH.scope)}>Read</th>
                <th scope="col" className={cn(cell, COLUMN_WIDTH.scope)}>Write</th>
              </>
            ) : (
              <th scope="col" className={cn(cell, hideOnPhone, COLUMN_WIDTH.scope)}>Scope</th>
            )}
            <th scope="col" className={cn(cell, COLUMN_WIDTH.actions)}>
              Actions
            </th>
          </tr>
        </thead>
        <tbody ref={bodyRef}>
          {paddingTop > 0 && <tr aria-hidden="true" style={{ height: paddingTop }} />}
          {rows.map((row) => {
            const auth = items[row.index]
            return (
              auth && (
                <TokenRow
                  key={auth.id}
                  auth={auth}
                  index={row.index}
                  measureRef={measureRow}
                  rowIndex={row.index + 2}
                  selected={selected.has(auth.id)}
                  actions={actions}
                  reach={reach?.get(auth.id)}
                  highlighted={auth.id === highlightID}
                />
              )
            )
          })}
          {paddingBottom > 0 && <tr aria-hidden="true" style={{ height: paddingBottom }} />}
        </tbody>
      </table>
      {rowCount !== total && (
        <p className="border-t border-border px-3 py-2 text-xs text-muted" role="status">
          Showing {items.length} of {total} tokens
        </p>
      )}
    </div>
  )
})

/** The rows of a list scrolled with the window that are on screen, and the space the others take. */
function useRowsInWindow(body: RefObject<HTMLElement | null>, count: number) {
  // Where the list starts in the page: read again whenever the page changes size, as it does when
  // something above the list grows or shrinks.
  const [scrollMargin, setScrollMargin] = useState(0)
  useLayoutEffect(() => {
    const measure = () => setScrollMargin((body.current?.getBoundingClientRect().top ?? 0) + window.scrollY)
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(document.body)
    return () => observer.disconnect()
  }, [body])
  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: () => ROW_HEIGHT,
    overscan: 5,
    scrollMargin,
    initialRect: { width: window.innerWidth, height: window.innerHeight },
  })
  const rows = virtualizer.getVirtualItems()
  const first = rows[0]
  const last = rows[rows.length - 1]
  return {
    rows,
    scrollToIndex: virtualizer.scrollToIndex,
    paddingTop: first ? first.start - scrollMargin : 0,
    paddingBottom: last ? virtualizer.getTotalSize() - (last.end - scrollMargin) : 0,
    // Rows are ROW_HEIGHT unless a description wraps (on phones): measured, the scroll stays true.
    measureRow: virtualizer.measureElement,
  }
}

function HeaderCheckbox({
  checked,
  indeterminate,
  disabled,
  onChange,
}: {
  checked: boolean
  indeterminate: boolean
  disabled: boolean
  onChange: (checked: boolean) => void
}) {
  const ref = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate
  }, [indeterminate])
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label="Select all shown tokens"
      className="size-6 accent-[var(--accent)] md:size-4"
      disabled={disabled}
      checked={checked}
      onChange={(event) => onChange(event.target.checked)}
    />
  )
}
