import { memo, useId, useMemo, useState, type KeyboardEvent } from 'react'
import type { ListedBucket } from '@/api/buckets'
import { inputClass } from '@/components/ui/field'
import { cn } from '@/lib/cn'
import { filterBuckets } from '../lib/bucket-list'

/** Enough suggestions to pick from; typing narrows the rest, so 10,000 buckets never become 10,000 nodes. */
const MAX_SHOWN = 50

export interface BucketFilterProps {
  buckets: ListedBucket[]
  loading: boolean
  selected: ListedBucket | undefined
  onSelect: (bucket: ListedBucket | null) => void
  /** The list is fetched only once someone uses the filter. */
  onActivate: () => void
}

/** The "Bucket" filter: a WAI-ARIA combobox (editable, list autocomplete) over the org's buckets. */
// Memoized: the tokens page re-renders on every keystroke in its filter, which changes nothing here.
export const BucketFilter = memo(function BucketFilter({ buckets, loading, selected, onSelect, onActivate }: BucketFilterProps) {
  const [query, setQuery] = useState<string | null>(null)
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const inputId = useId()
  const listId = useId()
  const matches = useMemo(() => filterBuckets(buckets, query ?? ''), [buckets, query])
  const shown = matches.slice(0, MAX_SHOWN)

  function choose(bucket: ListedBucket | null) {
    onSelect(bucket)
    setQuery(null)
    setOpen(false)
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      onActivate()
      if (!open) return setOpen(true)
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((index) => Math.min(Math.max(index + step, 0), Math.max(shown.length - 1, 0)))
    } else if (event.key === 'Enter' && open) {
      event.preventDefault()
      const bucket = shown[active]
      if (bucket) choose(bucket)
    } else if (event.key === 'Escape' && open) {
      event.preventDefault()
      setOpen(false)
      setQuery(null)
    }
  }

  const activeId = open && shown[active] ? `${listId}-${shown[active].id}` : undefined
  return (
    <div className="relative flex flex-col gap-1 text-xs font-medium text-muted">
      <label htmlFor={inputId}>Bucket</label>
      <div className="relative">
        <input
          id={inputId}
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeId}
          autoComplete="off"
          placeholder="Any bucket"
          className={cn(inputClass, 'w-52 pr-8')}
          value={query ?? selected?.name ?? ''}
          onFocus={(event) => {
            onActivate()
            event.currentTarget.select()
            // The buckets are the choice: show them before anything is typed.
            setActive(0)
            setOpen(true)
          }}
          onChange={(event) => {
            setQuery(event.target.value)
            setActive(0)
            setOpen(true)
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false)
            setQuery(null)
          }}
        />
        {selected && (
          <button
            type="button"
            aria-label="Clear the bucket filter"
            className="absolute top-1/2 right-2 -translate-y-1/2 rounded px-1 text-muted hover:text-fg"
            onClick={() => choose(null)}
          >
            ×
          </button>
        )}
      </div>
      {open && (
        <ul
          id={listId}
          role="listbox"
          aria-label="Buckets"
          className="absolute top-full left-0 z-30 mt-1 max-h-72 w-72 overflow-y-auto rounded-lg border border-border bg-raised p-1 text-sm font-normal text-fg shadow-xl"
        >
          {loading && <li className="px-3 py-2 text-muted">Loading buckets…</li>}
          {!loading && shown.length === 0 && <li className="px-3 py-2 text-muted">No buckets match</li>}
          {shown.map((bucket, index) => (
            <li
              key={bucket.id}
              id={`${listId}-${bucket.id}`}
              role="option"
              aria-selected={index === active}
              className={cn('cursor-pointer truncate rounded-md px-3 py-1.5', index === active && 'bg-sunken')}
              // Chosen on mousedown, before the input's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault()
                choose(bucket)
              }}
              onMouseEnter={() => setActive(index)}
            >
              {bucket.name}
            </li>
          ))}
          {matches.length > MAX_SHOWN && (
            <li role="presentation" className="px-3 py-1.5 text-xs text-muted">
              {matches.length - MAX_SHOWN} more: type to narrow
            </li>
          )}
        </ul>
      )}
    </div>
  )
})
