import { useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { Authorization } from '@/api/contract'
import { errorMessage } from '@/api/http'
import { toast } from '@/components/ui/toast'
import { useDeleteToken, useUpdateToken } from '../api/use-token-mutations'
import { losesLastOperator } from '../lib/operator-guard'
import { TokenConfirmDialog } from './token-confirm-dialog'
import { tokenName, type RowActions } from './token-row'

export interface RowActionsOptions {
  orgID: string
  /** Whether the session may change the org's tokens; the rows offer nothing else otherwise. */
  canChange: boolean
  /** The org's tokens as listed, to tell whether an action removes the last active operator token. */
  tokens: Authorization[] | undefined
  select: (auths: Authorization[], selected: boolean) => void
  onClone: (auth: Authorization) => void
  onOpenDetails: (auth: Authorization) => void
}

/**
 * What each row's controls do, with the confirmations they need: delete always asks, and
 * deactivating the last active operator token asks for the typed word. The callbacks are stable,
 * so a keystroke in the filter re-renders only rows whose data changed.
 */
export function useRowActions(options: RowActionsOptions) {
  const { canChange } = options
  const update = useUpdateToken(options.orgID)
  const remove = useDeleteToken(options.orgID)
  const [deleting, setDeleting] = useState<Authorization | null>(null)
  const [deactivating, setDeactivating] = useState<Authorization | null>(null)
  const latest = useRef({ options, update })
  useLayoutEffect(() => {
    latest.current = { options, update }
  })

  const actions: RowActions = useMemo(() => {
    const setStatus = (auth: Authorization, active: boolean) =>
      latest.current.update.mutate({ id: auth.id, update: { status: active ? 'active' : 'inactive' } })
    return {
      canChange,
      onSelect: (auth, checked) => latest.current.options.select([auth], checked),
      onStatusChange: (auth, active) => {
        if (!active && losesLastOperator(latest.current.options.tokens ?? [], [auth])) setDeactivating(auth)
        else setStatus(auth, active)
      },
      onRename: (auth, description) => latest.current.update.mutateAsync({ id: auth.id, update: { description }, inline: true }),
      onDelete: setDeleting,
      onClone: (auth) => latest.current.options.onClone(auth),
      onOpenDetails: (auth) => latest.current.options.onOpenDetails(auth),
    }
  }, [canChange])

  function confirmDelete() {
    if (!deleting) return
    remove.mutate(deleting, {
      onSuccess: () => {
        toast.success('Token was deleted successfully')
        options.select([deleting], false)
        setDeleting(null)
      },
      onError: (error) => toast.error(`Failed to delete token: ${errorMessage(error)}`),
    })
  }

  function confirmDeactivate() {
    if (!deactivating) return
    update.mutate({ id: deactivating.id, update: { status: 'inactive' } })
    setDeactivating(null)
  }

  const known = options.tokens ?? []
  const dialogs = (
    <>
      <TokenConfirmDialog
        open={deleting !== null}
        title="Delete token?"
        confirmLabel="Delete"
        pending={remove.isPending}
        lastOperator={deleting !== null && losesLastOperator(known, [deleting])}
        onCancel={() => setDeleting(null)}
        onConfirm={confirmDelete}
      >
        <p>
          <strong className="break-words">{deleting ? tokenName(deleting) : ''}</strong> will be deleted for good. Anything still using it will be
          refused at once.
        </p>
      </TokenConfirmDialog>
      <TokenConfirmDialog
        open={deactivating !== null}
        title="Deactivate the last operator token?"
        confirmLabel="Deactivate"
        lastOperator
        onCancel={() => setDeactivating(null)}
        onConfirm={confirmDeactivate}
      >
        <p>
          <strong className="break-words">{deactivating ? tokenName(deactivating) : ''}</strong> will stop working until it is activated again.
        </p>
      </TokenConfirmDialog>
    </>
  )
  return { actions, dialogs }
}
