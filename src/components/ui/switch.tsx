import { cva } from 'class-variance-authority'

const track = cva('relative inline-flex h-6 w-11 shrink-0 items-center rounded-full border border-transparent transition-colors disabled:opacity-50', {
  variants: { checked: { true: 'bg-success', false: 'bg-border' } },
})
const thumb = cva('inline-block size-5 rounded-full bg-white shadow transition-transform', {
  variants: { checked: { true: 'translate-x-5', false: 'translate-x-0.5' } },
})

/** A WAI-ARIA switch: a button with role `switch` whose `aria-checked` is the state. */
export function Switch({
  checked,
  onCheckedChange,
  label,
  disabled,
}: {
  checked: boolean
  onCheckedChange: (checked: boolean) => void
  label: string
  disabled?: boolean
}) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      disabled={disabled}
      onClick={() => onCheckedChange(!checked)}
      className={track({ checked })}
    >
      <span
        aria-hidden="true"
        className={thumb({ checked })}
      />
    </button>
  )
}
