import { TextField } from '@/components/ui/field'

/** Typed rather than clicked, so no stray Enter creates, deletes or deactivates an operator token. */
export const OPERATOR_CONFIRMATION = 'OPERATOR'

export function OperatorConfirmationField({ value, onChange, className }: { value: string; onChange: (value: string) => void; className?: string }) {
  return (
    <TextField
      label={`Type ${OPERATOR_CONFIRMATION} to confirm`}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      autoComplete="off"
      spellCheck={false}
      className={className}
    />
  )
}
