/** "Showing N tokens from review: <finding> ✕" above a list that a review link filtered. */
export function ReviewFilterChip({ title, count, onClear }: { title: string; count: number; onClear: () => void }) {
  return (
    <div role="status" className="flex w-fit items-center gap-2 rounded-full border border-accent/40 bg-accent/5 py-1 pr-1 pl-3 text-sm">
      <span>
        Showing {count} token{count === 1 ? '' : 's'} from review: <strong>{title}</strong>
      </span>
      <button
        type="button"
        aria-label="Clear review filter"
        onClick={onClear}
        className="grid size-6 place-items-center rounded-full text-muted hover:bg-sunken hover:text-fg"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <path d="M5 5l10 10M15 5L5 15" />
        </svg>
      </button>
    </div>
  )
}
