import { useVirtualizer } from '@tanstack/react-virtual'
import { useId, useMemo, useRef, useState } from 'react'
import type { ListedBucket } from '@/api/buckets'
import { Button } from '@/components/ui/button'
import { inputClass } from '@/components/ui/field'
import { filterBuckets, selectShown } from '../lib/bucket-list'

const ROW_HEIGHT = 34
const LIST_HEIGHT = 238
/** Enough chips to see a selection at a glance; the count says how many more. */
const MAX_CHIPS = 40

export interface BucketPickerProps {
  /** Already sorted for display. */
  buckets: ListedBucket[]
  selected: string[]
  onChange: (ids: string[]) => void
  /** "read" or "write": names the list for assistive technology. */
  action: string
}

/** A searchable checkbox list that only renders the rows in view, so 10,000 buckets stay instant. */
export function BucketPicker({ buckets, selected, onChange, action }: BucketPickerProps) {
  const [query, setQuery] = useState('')
  const shown = useMemo(() => filterBuckets(buckets, query), [buckets, query])
  const selectedSet = useMemo(() => new Set(selected), [selected])
  const names = useMemo(() => new Map(buckets.map((bucket) => [bucket.id, bucket.name])), [buckets])
  const searching = query.trim() !== ''
  const scrollRef = useRef<HTMLDivElement>(null)
  const systemNoteId = useId()
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  })

  function toggle(id: string, checked: boolean) {
    onChange(checked ? [...selected, id] : selected.filter((s) => s !== id))
  }

  return (
    <div className="flex flex-col gap-2">
      <input
        type="search"
        aria-label="Search buckets"
        placeholder="Search buckets..."
        className={inputClass}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          // Enter in the search box must not submit the dialog's form.
          if (event.key === 'Enter') event.preventDefault()
        }}
      />
      <div className="flex items-center gap-2">
        <Button size="sm" variant="ghost" onClick={() => onChange(selectShown(selected, shown, true))} disabled={shown.length === 0}>
          {searching ? `Select ${shown.length} shown` : 'Select All'}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => onChange(selectShown(selected, shown, false))} disabled={shown.length === 0}>
          {searching ? `Deselect ${shown.length} shown` : 'Deselect All'}
        </Button>
        <span className="ml-auto text-xs text-muted tabular-nums" aria-live="polite">
          {selected.length} selected
        </span>
      </div>
      {selected.length > 0 && (
        // The selection stays in sight however the list below is searched or scrolled.
        <ul aria-label={`Chosen buckets to ${action}`} className="flex max-h-20 flex-wrap gap-1.5 overflow-y-auto">
          {selected.slice(0, MAX_CHIPS).map((id) => {
            const name = names.get(id) ?? id
            return (
              <li key={id} className="flex items-center gap-1 rounded-full border border-border bg-sunken py-0.5 pr-0.5 pl-2.5 text-xs">
                <span className="max-w-40 truncate" title={name}>
                  {name}
                </span>
                <button
                  type="button"
                  aria-label={`Remove ${name}`}
                  className="flex size-6 items-center justify-center rounded-full text-muted hover:bg-raised hover:text-fg"
                  onClick={() => toggle(id, false)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            )
          })}
          {selected.length > MAX_CHIPS && <li className="self-center text-xs text-muted">and {selected.length - MAX_CHIPS} more</li>}
        </ul>
      )}
      <span id={systemNoteId} className="sr-only">
        System bucket
      </span>
      <div
        ref={scrollRef}
        role="group"
        aria-label={`Buckets to ${action}`}
        className="overflow-y-auto rounded-md border border-border bg-surface"
        style={{ height: LIST_HEIGHT }}
      >
        {shown.length === 0 ? (
          <p className="px-3 py-4 text-sm text-muted">
            {buckets.length === 0 ? 'This organization has no buckets.' : `No buckets match "${query.trim()}"`}
          </p>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((row) => {
              const bucket = shown[row.index]
              if (!bucket) return null
              const system = bucket.type === 'system'
              return (
                <label
                  key={bucket.id}
                  className="absolute inset-x-0 flex cursor-pointer items-center gap-2.5 px-3 text-sm hover:bg-sunken"
                  style={{ top: row.start, height: ROW_HEIGHT }}
                >
                  <input
                    type="checkbox"
                    className="size-4 accent-[var(--accent)]"
                    checked={selectedSet.has(bucket.id)}
                    onChange={(event) => toggle(bucket.id, event.target.checked)}
                    aria-describedby={system ? systemNoteId : undefined}
                  />
                  <span className="truncate">{bucket.name}</span>
                  {system && (
                    <span aria-hidden="true" className="ml-auto rounded bg-sunken px-1.5 py-0.5 text-[11px] text-muted">
                      system
                    </span>
                  )}
                </label>
              )
            })}
          </div>
        )}
      </div>
    </div>
  )
}
