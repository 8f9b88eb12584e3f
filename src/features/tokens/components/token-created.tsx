import { useRef, useState } from 'react'
import type { Authorization, Organization } from '@/api/contract'
import { Button } from '@/components/ui/button'
import { DialogBody, DialogContent, DialogFooter } from '@/components/ui/dialog'
import { inputClass } from '@/components/ui/field'
import { toast } from '@/components/ui/toast'
import { copyText } from '@/lib/clipboard'
import { scopeSummary } from '../lib/scope'
import { TryToken } from './try-token'

/**
 * The one time a token's value is shown (InfluxDB 2.9+ keeps only its hash). Closing before the
 * value was copied asks first, since it cannot be shown again.
 */
export interface TokenCreatedProps {
  auth: Authorization
  org: Organization
  onClose: () => void
  returnFocusTo?: () => HTMLElement | null
}

export function TokenCreatedContent({ auth, org, onClose, returnFocusTo }: TokenCreatedProps) {
  const inputRef = useRef<HTMLInputElement>(null)
  const [copied, setCopied] = useState(false)
  const [copyError, setCopyError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)

  async function copy() {
    setCopyError(null)
    try {
      await copyText(auth.token, inputRef.current)
      setCopied(true)
      setConfirming(false)
      toast.success('Token has been copied to clipboard')
    } catch (error) {
      setCopyError(error instanceof Error ? error.message : String(error))
    }
  }

  function requestClose() {
    if (copied || confirming) onClose()
    else setConfirming(true)
  }

  return (
    <DialogContent title="Token created" className="max-w-2xl" onRequestClose={requestClose} returnFocusTo={returnFocusTo}>
      <DialogBody className="flex flex-col gap-4">
        <p className="rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm">
          Copy this token now and store it somewhere safe. <strong>It will not be shown again.</strong>
        </p>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="created-token" className="text-sm font-medium">
            Token
          </label>
          <input
            id="created-token"
            ref={inputRef}
            readOnly
            value={auth.token}
            onFocus={(event) => event.currentTarget.select()}
            className={`${inputClass} font-mono text-xs`}
          />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button variant="primary" onClick={copy}>
            Copy to Clipboard
          </Button>
          {copied && (
            <span role="status" className="text-sm text-success">
              Copied
            </span>
          )}
        </div>
        {copyError && (
          <p role="alert" className="text-sm text-danger">
            {copyError}
          </p>
        )}
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-muted">Description</dt>
          <dd className="break-words">{auth.description || 'No description'}</dd>
          <dt className="text-muted">Scope</dt>
          <dd>{scopeSummary(auth)}</dd>
        </dl>
        {confirming && (
          <div role="alert" className="flex flex-col gap-3 rounded-md border border-danger/40 bg-danger/5 p-3 text-sm">
            <p>You have not copied this token. Once this dialog is closed, the token cannot be shown again.</p>
            <div className="flex flex-wrap gap-2">
              <Button variant="danger" size="sm" onClick={onClose}>
                Close without copying
              </Button>
              <Button size="sm" onClick={() => setConfirming(false)}>
                Keep it open
              </Button>
            </div>
          </div>
        )}
        <TryToken auth={auth} org={org} />
      </DialogBody>
      <DialogFooter>
        <Button variant={copied ? 'primary' : 'secondary'} onClick={requestClose}>
          Done
        </Button>
      </DialogFooter>
    </DialogContent>
  )
}
