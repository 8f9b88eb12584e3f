import { useMemo, useState } from 'react'
import type { Authorization, Organization } from '@/api/contract'
import { Button } from '@/components/ui/button'
import { Dialog, DialogBody, DialogContent, DialogFooter } from '@/components/ui/dialog'
import { inputClass } from '@/components/ui/field'
import { toast } from '@/components/ui/toast'
import { copyText } from '@/lib/clipboard'
import { cn } from '@/lib/cn'
import { formatDateTime, formatRelative } from '@/lib/time'
import { useNameLookup } from '../api/use-name-lookup'
import { describeAccess, permissionLines } from '../lib/scope'

/** Everything about one token, readable by someone who has never seen the API. */
export function TokenDetailsDialog({ auth, org, onClose }: { auth: Authorization | null; org: Organization; onClose: () => void }) {
  return (
    <Dialog open={auth !== null} onOpenChange={(open) => !open && onClose()}>
      {auth && <DetailsContent auth={auth} org={org} onClose={onClose} />}
    </Dialog>
  )
}

function DetailsContent({ auth, org, onClose }: { auth: Authorization; org: Organization; onClose: () => void }) {
  const names = useNameLookup(org)
  const groups = useMemo(() => permissionLines(auth.permissions, names), [auth.permissions, names])
  const sentence = useMemo(() => describeAccess(auth.permissions, names), [auth.permissions, names])
  return (
    <DialogContent title={auth.description || 'Describe this Token'} className="max-w-2xl">
      <DialogBody className="flex flex-col gap-5">
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1.5 text-sm">
          <dt className="text-muted">Status</dt>
          <dd>{auth.status === 'active' ? 'Active' : 'Inactive'}</dd>
          <dt className="text-muted">Owner</dt>
          <dd>{auth.user}</dd>
          <dt className="text-muted">Organization</dt>
          <dd>{auth.org}</dd>
          <dt className="text-muted">Created</dt>
          <dd>
            {formatDateTime(auth.createdAt)} <span className="text-muted">({formatRelative(auth.createdAt)})</span>
          </dd>
          <dt className="text-muted">Last modified</dt>
          <dd>
            {formatDateTime(auth.updatedAt)} <span className="text-muted">({formatRelative(auth.updatedAt)})</span>
          </dd>
          <dt className="text-muted">ID</dt>
          <dd className="font-mono text-xs">{auth.id}</dd>
        </dl>
        <section aria-labelledby="what-it-can-do">
          <h3 id="what-it-can-do" className="mb-1 text-sm font-semibold">
            What it can do
          </h3>
          <p className="rounded-md bg-sunken px-3 py-2 text-sm">{sentence}</p>
        </section>
        <section aria-labelledby="permissions-heading">
          <h3 id="permissions-heading" className="mb-2 text-sm font-semibold">
            Permissions ({auth.permissions.length})
          </h3>
          <div className="flex flex-col gap-3">
            {groups.map((group) => (
              <div key={group.type}>
                <h4 className="text-xs font-semibold tracking-wide text-muted uppercase">{group.type}</h4>
                <ul className="mt-1 flex flex-col gap-0.5 text-sm" aria-label={group.type}>
                  {group.lines.map((line, i) => (
                    <li key={`${line.action}-${line.target}-${i}`} className={cn(line.deleted && 'text-danger')}>
                      <span className="inline-block w-12 font-medium">{line.action}</span> {line.target}
                      {line.deleted && <span className="ml-2 rounded bg-danger/10 px-1.5 py-0.5 text-xs">deleted bucket</span>}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </section>
        <TokenValue token={auth.token} />
      </DialogBody>
      <DialogFooter>
        <Button onClick={onClose}>Close</Button>
      </DialogFooter>
    </DialogContent>
  )
}

/** InfluxDB before 2.9 still returns the value; from 2.9 on only a hash is kept. */
function TokenValue({ token }: { token: string }) {
  const [revealed, setRevealed] = useState(false)
  if (!token) {
    return (
      <p className="rounded-md border border-border px-3 py-2 text-sm text-muted">
        The token&apos;s value was shown only once, when it was created: the server keeps only a hash of it. To get a new value, clone this token.
      </p>
    )
  }
  async function copy() {
    try {
      await copyText(token)
      toast.success('Token has been copied to clipboard')
    } catch (error) {
      toast.error(error instanceof Error ? error.message : String(error))
    }
  }
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor="token-value" className="text-sm font-medium">
        Token
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id="token-value"
          readOnly
          value={revealed ? token : '•'.repeat(24)}
          className={`${inputClass} min-w-0 flex-1 font-mono text-xs`}
        />
        <Button onClick={() => setRevealed((r) => !r)}>{revealed ? 'Hide' : 'Reveal'}</Button>
        <Button onClick={copy}>Copy to Clipboard</Button>
      </div>
    </div>
  )
}
