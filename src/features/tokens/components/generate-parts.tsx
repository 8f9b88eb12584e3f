import { errorMessage } from '@/api/http'
import { Button } from '@/components/ui/button'

/** The server's reason a token was not created, shown inside the dialog that stays open. */
export function CreateError({ error }: { error: unknown }) {
  if (!error) return null
  return (
    <p role="alert" className="rounded-md border border-danger/40 bg-danger/5 px-3 py-2 text-sm break-words text-danger">
      Failed to create token: {errorMessage(error)}
    </p>
  )
}

export function SaveButton({ disabled, pending }: { disabled: boolean; pending: boolean }) {
  return (
    <Button type="submit" variant="primary" disabled={disabled} pending={pending}>
      {pending ? 'Saving…' : 'Save'}
    </Button>
  )
}
