import { memo, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { Authorization } from '@/api/contract'
import { errorMessage } from '@/api/http'
import { Switch } from '@/components/ui/switch'
import { cn } from '@/lib/cn'
import { formatDateTime, formatRelative } from '@/lib/time'
import { reachWords, type BucketReach, type Reach } from '../lib/bucket-reach'
import { scopeSummary } from '../lib/scope'
import { cell, hideOnPhone, ROW_HEIGHT } from '../lib/table-layout'

export interface RowActions {
  /** False for a session that may not change the org's tokens (a read-only token): only looking is offered. */
  canChange: boolean
  onSelect: (auth: Authorization, selected: boolean) => void
  onStatusChange: (auth: Authorization, active: boolean) => void
  /** Settles once the server answered; a refusal keeps the edit open with its message. */
  onRename: (auth: Authorization, description: string) => Promise<unknown>
  onDelete: (auth: Authorization) => void
  onClone: (auth: Authorization) => void
  onOpenDetails: (auth: Authorization) => void
}

/** The name people know a token by; tokens without a description fall back to their ID. */
export function tokenName(auth: Authorization): string {
  return auth.description || `token ${auth.id}`
}

export interface TokenRowProps {
  auth: Authorization
  /** Position in the list; with `measureRef`, lets the virtualiser measure rows that wrap on phones. */
  index: number
  measureRef?: (row: HTMLTableRowElement | null) => void
  rowIndex: number
  selected: boolean
  actions: RowActions
  reach?: BucketReach
  /** Just created: marked for a few seconds. */
  highlighted?: boolean
}

export const TokenRow = memo(function TokenRow({ auth, index, measureRef, rowIndex, selected, actions, reach, highlighted }: TokenRowProps) {
  const [editing, setEditing] = useState(false)
  const inactive = auth.status === 'inactive'
  const name = tokenName(auth)

  return (
    <tr
      ref={measureRef}
      data-index={index}
      aria-rowindex={rowIndex}
      aria-selected={selected}
      style={{ height: ROW_HEIGHT }}
      data-highlighted={highlighted || undefined}
      className={cn('border-t border-border transition-colors duration-700', selected && 'bg-accent/5', highlighted && 'bg-accent/5 shadow-[inset_4px_0_0_var(--accent)]')}
    >
      <td className={cn(cell, 'w-10 pr-0')}>
        {actions.canChange && (
          <input
            type="checkbox"
            aria-label={`Select ${name}`}
            className="size-6 accent-[var(--accent)] md:size-4"
            checked={selected}
            onChange={(event) => actions.onSelect(auth, event.target.checked)}
          />
        )}
      </td>
      <td className={cn(cell, 'font-medium break-words md:truncate', inactive && 'text-muted')}>
        {highlighted && !editing && (
          <span className="mr-2 rounded-full bg-accent px-1.5 py-0.5 align-middle text-[11px] font-semibold text-accent-fg">New</span>
        )}
        {editing ? (
          <RenameInput initial={auth.description} onRename={(description) => actions.onRename(auth, description)} onDone={() => setEditing(false)} />
        ) : (
          <button
            type="button"
            className="min-h-6 max-w-full text-left break-words hover:underline md:truncate"
            title={auth.description || undefined}
            onClick={() => actions.onOpenDetails(auth)}
          >
            {auth.description ? auth.description : <span className="text-muted italic">Describe this Token</span>}
          </button>
        )}
        {reach && inactive && (
          // Reaching a bucket means nothing while the token is off: say so where the access is listed.
          <span className="block text-xs font-normal text-warning">Inactive: no access now</span>
        )}
      </td>
      <td className={cell}>
        <div className="flex flex-col items-start gap-1 md:flex-row md:items-center md:gap-2">
          {actions.canChange && <Switch checked={!inactive} label={`Active: ${name}`} onCheckedChange={(active) => actions.onStatusChange(auth, active)} />}
          <span className={cn('text-xs', inactive ? 'text-muted' : 'text-success')}>{inactive ? 'Inactive' : 'Active'}</span>
        </div>
      </td>
      <td className={cn(cell, hideOnPhone, 'text-muted tabular-nums')}>
        <time dateTime={auth.createdAt} title={formatRelative(auth.createdAt)}>
          {formatDateTime(auth.createdAt)}
        </time>
      </td>
      <td className={cn(cell, hideOnPhone, 'truncate')}>{auth.user}</td>
      {reach ? (
        <>
          <ReachCell reach={reach.read} />
          <ReachCell reach={reach.write} />
        </>
      ) : (
        // Wraps rather than cutting the scope off: it is short, and two lines fit the row.
        <td className={cn(cell, hideOnPhone, 'leading-tight break-words')}>{scopeSummary(auth)}</td>
      )}
      <td className={cn(cell, 'text-right whitespace-nowrap')}>
        {actions.canChange && <RowChangeButtons auth={auth} actions={actions} onRename={() => setEditing(true)} />}
      </td>
    </tr>
  )
})

function RowChangeButtons({ auth, actions, onRename }: { auth: Authorization; actions: RowActions; onRename: () => void }) {
  return (
    <>
      <RowButton label="Rename" onClick={onRename} icon="M4 13.5V16h2.5l7.4-7.4-2.5-2.5L4 13.5Zm11.8-6.8a.7.7 0 0 0 0-1L14.3 4.2a.7.7 0 0 0-1 0l-1.2 1.2 2.5 2.5 1.2-1.2Z" />
      <RowButton label="Clone" onClick={() => actions.onClone(auth)} icon="M7 3h8a2 2 0 0 1 2 2v8h-2V5H7V3ZM3 7a2 2 0 0 1 2-2h7a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7Zm2 0v9h7V7H5Z" />
      <RowButton label="Delete" danger onClick={() => actions.onDelete(auth)} icon="M8 3h4l1 1h3v2H4V4h3l1-1ZM5 7h10l-.8 9.2A2 2 0 0 1 12.2 18H7.8a2 2 0 0 1-2-1.8L5 7Z" />
    </>
  )
}

function ReachCell({ reach }: { reach: Reach }) {
  return <td className={cn(cell, 'leading-tight break-words', !reach && 'text-muted')}>{reachWords(reach)}</td>
}

function RowButton({ label, icon, onClick, danger }: { label: string; icon: string; onClick: () => void; danger?: boolean }) {
  return (
    <button
      type="button"
      title={label}
      aria-label={label}
      onClick={onClick}
      className={cn('rounded-md p-1.5 text-muted hover:bg-sunken', danger ? 'hover:text-danger' : 'hover:text-fg')}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
        <path d={icon} />
      </svg>
    </button>
  )
}

/**
 * Enter saves, Escape cancels; leaving the field saves too, so nothing typed is lost. The field
 * stays until the server agreed: a refusal shows under it with the text as typed.
 */
function RenameInput({ initial, onRename, onDone }: { initial: string; onRename: (value: string) => Promise<unknown>; onDone: () => void }) {
  const [value, setValue] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  const errorId = useId()
  // Enter or Escape unmounts the field, which may also blur it; a save in flight is not repeated.
  const busy = useRef(false)
  async function save() {
    if (busy.current) return
    const description = value.trim()
    if (description === initial) return finish()
    busy.current = true
    try {
      await onRename(description)
      onDone()
    } catch (refused) {
      busy.current = false
      setError(`Could not rename: ${errorMessage(refused)}`)
    }
  }
  function finish() {
    busy.current = true
    onDone()
  }
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault()
      void save()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      finish()
    }
  }
  return (
    <div className="flex flex-col gap-0.5 py-1">
      <input
        aria-label="Description"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={cn('w-full rounded-md border border-accent bg-raised px-2 text-sm font-normal aria-[invalid=true]:border-danger', error ? 'h-7' : 'h-8')}
        value={value}
        autoFocus
        onFocus={(event) => event.currentTarget.select()}
        onChange={(event) => {
          setValue(event.target.value)
          setError(null)
        }}
        onKeyDown={onKeyDown}
        onBlur={() => void save()}
      />
      {error && (
        <p id={errorId} role="alert" className="text-xs font-normal break-words whitespace-normal text-danger">
          {error}
        </p>
      )}
    </div>
  )
}
