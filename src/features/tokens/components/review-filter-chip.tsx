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
        <span aria-hidden="true">✕</span>
      </button>
    </div>
  )
}
