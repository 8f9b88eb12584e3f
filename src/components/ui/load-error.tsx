import { errorMessage } from '@/api/http'
import { Button } from './button'

/** A failed load: the server's own message and a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div role="alert" className="flex flex-col items-start gap-3 rounded-lg border border-danger/40 bg-danger/5 p-4 text-sm">
      <p className="break-words">{errorMessage(error)}</p>
      <Button onClick={onRetry}>Retry</Button>
    </div>
  )
}
