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
import { typeTitle } from '../lib/resource-types'
import { describeAccess, permissionLines, type PermissionLine } from '../lib/scope'
import type { RowActions } from './token-row'

export interface TokenDetailsDialogProps {
  auth: Authorization | null
  org: Organization
  onClose: () => void
  /** The list's own actions: the dialog closes before Clone and Delete open theirs. */
  actions: RowActions
}

/** Everything about one token, readable by someone who has never seen the API. */
export function TokenDetailsDialog({ auth, org, onClose, actions }: TokenDetailsDialogProps) {
  return (
    <Dialog open={auth !== null} onOpenChange={(open) => !open && onClose()}>
      {auth && <DetailsContent auth={auth} org={org} onClose={onClose} actions={actions} />}
    </Dialog>
  )
}

function DetailsContent({ auth, org, onClose, actions }: Omit<TokenDetailsDialogProps, 'auth'> & { auth: Authorization }) {
  const names = useNameLookup(org)
  const groups = useMemo(() => permissionLines(auth.permissions, names), [auth.permissions, names])
  const sentence = useMemo(() => describeAccess(auth.permissions, names), [auth.permissions, names])
  const active = auth.status === 'active'
  function handOver(action: (auth: Authorization) => void) {
    onClose()
    action(auth)
  }
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
          <table aria-labelledby="permissions-heading" className="w-full table-fixed border-collapse text-sm">
            <thead className="text-left text-xs text-muted">
              <tr className="border-b border-border">
                <th scope="col" className="w-40 py-1 pr-3 font-semibold">Resource</th>
                <th scope="col" className="py-1 pr-3 font-semibold">Read</th>
                <th scope="col" className="py-1 font-semibold">Write</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((group) => (
                <tr key={group.type} className="border-b border-border align-top last:border-b-0">
                  <th scope="row" className="py-1.5 pr-3 text-left font-medium">
                    {typeTitle(group.type)}
                  </th>
                  <GridCell lines={group.lines.filter((line) => line.action === 'read')} />
                  <GridCell lines={group.lines.filter((line) => line.action === 'write')} />
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <TokenValue token={auth.token} />
      </DialogBody>
      <DialogFooter>
        {actions.canChange && (
          <>
            <Button className="mr-auto" variant="danger" onClick={() => handOver(actions.onDelete)}>
              Delete
            </Button>
            <Button onClick={() => actions.onStatusChange(auth, !active)}>{active ? 'Deactivate' : 'Activate'}</Button>
            <Button onClick={() => handOver(actions.onClone)}>Clone</Button>
          </>
        )}
        <Button onClick={onClose}>Close</Button>
      </DialogFooter>
    </DialogContent>
  )
}

/** What one action reaches on one resource type; a dash when it reaches nothing. */
function GridCell({ lines }: { lines: PermissionLine[] }) {
  if (lines.length === 0) {
    return (
      <td className="py-1.5 pr-3 text-muted">
        <span aria-hidden="true">—</span>
        <span className="sr-only">none</span>
      </td>
    )
  }
  return (
    <td className="py-1.5 pr-3 break-words">
      <ul className="flex flex-col gap-0.5">
        {lines.map((line, i) => (
          <li key={`${line.target}-${i}`} className={cn(line.deleted && 'text-danger')}>
            {line.target}
            {line.deleted && <span className="ml-2 rounded bg-danger/10 px-1.5 py-0.5 text-xs">deleted bucket</span>}
          </li>
        ))}
      </ul>
    </td>
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
