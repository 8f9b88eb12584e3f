import { zodResolver } from '@hookform/resolvers/zod'
import { useQuery } from '@tanstack/react-query'
import { useId, useMemo, useState, type ReactNode } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { z } from 'zod'
import type { Authorization, AuthorizationPostRequest, Organization, Permission, User } from '@/api/contract'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { DialogBody, DialogContent, DialogFooter } from '@/components/ui/dialog'
import { inputClass, TextField } from '@/components/ui/field'
import { toast } from '@/components/ui/toast'
import { copyText } from '@/lib/clipboard'
import { currentLocation } from '@/lib/router'
import { resourceQueries, userQueries } from '../api/token-queries'
import { useNameLookup } from '../api/use-name-lookup'
import { usePrivileges } from '../api/use-privileges'
import { useTokenCreation } from '../api/use-token-creation'
import { useDraftSync, useInitialDraft } from '../hooks/use-draft'
import { diffPermissions } from '../lib/diff'
import { permissionKey } from '@/api/permission-sets'
import { describeAccess, permissionPhrase, type NameLookup } from '../lib/scope'
import { CreateError, SaveButton } from './generate-parts'
import { RequestPreview } from './request-preview'
import { TokenCreatedContent } from './token-created'

const DESCRIPTION_REQUIRED = 'Describe what this token is for: a token this powerful needs a description.'

function frameSchema(descriptionRequired: boolean) {
  return z.object({
    description: descriptionRequired ? z.string().trim().min(1, DESCRIPTION_REQUIRED) : z.string(),
    /** Empty for the signed-in user. */
    userID: z.string(),
    deactivateOriginal: z.boolean(),
  })
}
type FrameValues = z.infer<ReturnType<typeof frameSchema>>

export interface GenerateDialogFrameProps {
  title: string
  org: Organization
  me: User
  /** The token being cloned, if any. */
  source?: Authorization
  /** What the kind-specific editor has chosen so far, for the token's owner (memoize it). */
  permissionsFor: (ownerID: string) => Permission[]
  /** False while the editor still loads or asks for a confirmation. */
  ready: boolean
  /** Shown under Save while it is disabled. */
  hint?: string
  /** For the kinds that can do the most harm: Save refuses an empty description. */
  descriptionRequired?: boolean
  warning?: ReactNode
  wide?: boolean
  children?: ReactNode
  onClose: () => void
  /** Called once the token exists: its draft is spent. */
  onCreated?: (auth: Authorization) => void
  returnFocusTo?: () => HTMLElement | null
}

/**
 * What every Generate dialog shares around its permission editor: the description, the owner
 * (for operators), the clone comparison, the live request preview, Save, and the created token.
 */
export function GenerateDialogFrame(props: GenerateDialogFrameProps) {
  const { title, org, me, source, permissionsFor, ready, hint, descriptionRequired = false, warning, wide, children, onClose, onCreated, returnFocusTo } = props
  const { submit, created, pending, error } = useTokenCreation(onCreated)
  const { operator } = usePrivileges(me, org.id, true)
  const users = useQuery({ ...userQueries.list(), enabled: operator })
  const resources = useQuery(resourceQueries.types())
  const names = useNameLookup(org)
  const formId = useId()
  const draft = useInitialDraft()
  const {
    register,
    handleSubmit,
    control,
    formState: { errors, isDirty },
  } = useForm<FrameValues>({
    resolver: zodResolver(frameSchema(descriptionRequired)),
    defaultValues: {
      description: draft.d ?? (source ? `${source.description || 'token'} (clone)` : ''),
      userID: draft.u ?? (source && source.userID !== me.id ? source.userID : ''),
      deactivateOriginal: false,
    },
  })
  const values = useWatch({ control }) as FrameValues
  useDraftSync({ d: values.description, u: values.userID || undefined })
  const ownerID = values.userID || me.id
  const permissions = useMemo(() => permissionsFor(ownerID), [permissionsFor, ownerID])
  const request: AuthorizationPostRequest = useMemo(
    () => ({
      orgID: org.id,
      ...(values.userID ? { userID: values.userID } : {}),
      description: values.description.trim(),
      permissions,
    }),
    [org.id, values.userID, values.description, permissions],
  )
  const owner = values.userID ? users.data?.find((u) => u.id === values.userID)?.name : me.name
  const canSave = ready && permissions.length > 0
  const summary = useMemo(
    () => (permissions.length ? describeAccess(permissions, names) : 'No permissions chosen yet: the token could do nothing.'),
    [permissions, names],
  )
  const changed = useChanged(isDirty, permissions, ready)
  const [askingDiscard, setAskingDiscard] = useState(false)
  const requestClose = () => (changed ? setAskingDiscard(true) : onClose())

  function onSubmit(form: FrameValues) {
    if (!canSave) return
    return submit(request, form.deactivateOriginal ? source : undefined)
  }

  if (created) return <TokenCreatedContent auth={created} org={org} onClose={onClose} returnFocusTo={returnFocusTo} />

  return (
    <DialogContent title={source ? `Clone ${source.description || source.id}` : title} className={wide ? 'max-w-5xl' : 'max-w-2xl'} onRequestClose={requestClose} returnFocusTo={returnFocusTo}>
      <form id={formId} onSubmit={handleSubmit(onSubmit)} noValidate className="contents">
        <DialogBody className="flex flex-col gap-4">
          {warning}
          <div className="grid gap-4 sm:grid-cols-[1fr_auto]">
            <TextField
              label="Description"
              placeholder="Describe this new token"
              data-autofocus
              autoComplete="off"
              aria-required={descriptionRequired || undefined}
              error={errors.description?.message}
              {...register('description')}
            />
            {operator && (
              <label className="flex flex-col gap-1.5 text-sm font-medium">
                Owner
                <select className={`${inputClass} sm:w-56`} {...register('userID')}>
                  <option value="">{me.name} (you)</option>
                  {(users.data ?? [])
                    .filter((user) => user.id !== me.id)
                    .map((user) => (
                      <option key={user.id} value={user.id}>
                        {user.name}
                      </option>
                    ))}
                </select>
              </label>
            )}
          </div>
          {children}
          {source && (
            <CloneChanges source={source} permissions={permissions} names={names}>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" className="size-4 accent-[var(--accent)]" {...register('deactivateOriginal')} />
                Deactivate the original after creating
              </label>
            </CloneChanges>
          )}
          <RequestPreview request={request} orgName={org.name} userName={owner} resourceTypes={resources.data} />
        </DialogBody>
        <DialogFooter>
          {/* Where the eyes are when pressing Save (the body may be scrolled anywhere): why it failed, else what it will do. */}
          {error ? (
            <CreateError error={error} />
          ) : (
            <section aria-label="What Save will create" className="mr-auto max-h-20 min-w-0 flex-1 basis-64 overflow-y-auto text-sm">
              <p>{summary}</p>
              {!canSave && !pending && hint && <p className="text-xs text-muted">{hint}</p>}
            </section>
          )}
          <Button onClick={copyLink}>Copy link</Button>
          <Button onClick={requestClose}>Cancel</Button>
          <SaveButton disabled={!canSave} pending={pending} />
        </DialogFooter>
      </form>
      <ConfirmDialog
        open={askingDiscard}
        title="Discard changes?"
        confirmLabel="Discard"
        cancelLabel="Keep editing"
        onCancel={() => setAskingDiscard(false)}
        onConfirm={onClose}
      >
        <p>
          The description and permissions chosen for this token will be lost. No token has been created.
        </p>
      </ConfirmDialog>
    </DialogContent>
  )
}

/** The dialog's link: its choices live in the URL (never a token value), so a teammate can finish it. */
async function copyLink() {
  try {
    await copyText(window.location.origin + currentLocation())
    toast.success('Link copied: it opens this dialog with the same choices')
  } catch {
    toast.error('Copying failed: copy the link from the address bar.')
  }
}

/**
 * Whether the user changed anything since the dialog opened: the description and owner as the form
 * sees them, the permissions against those the editor showed once it was ready (a clone's or a
 * link's choices are where the dialog starts, not changes).
 */
function useChanged(formDirty: boolean, permissions: Permission[], ready: boolean): boolean {
  const key = useMemo(() => permissions.map(permissionKey).sort().join('\n'), [permissions])
  const [initialKey, setInitialKey] = useState<string | null>(null)
  if (ready && initialKey === null) setInitialKey(key)
  return formDirty || (initialKey !== null && key !== initialKey)
}

function CloneChanges({ source, permissions, names, children }: { source: Authorization; permissions: Permission[]; names: NameLookup; children: ReactNode }) {
  const { added, removed } = useMemo(() => diffPermissions(source.permissions, permissions), [source.permissions, permissions])
  const describe = (list: Permission[]) => list.map((permission) => permissionPhrase(permission, names))
  return (
    <section aria-label="Changes from the original" className="flex flex-col gap-2 rounded-lg border border-border p-3 text-sm">
      <h3 className="font-semibold">Compared with “{source.description || source.id}”</h3>
      {added.length === 0 && removed.length === 0 ? (
        <p className="text-muted">Same permissions as the original.</p>
      ) : (
        <ul className="flex flex-col gap-1">
          {describe(added).map((line) => (
            <li key={`+${line}`} className="text-success">
              <span aria-hidden="true">+ </span>Added: {line}
            </li>
          ))}
          {describe(removed).map((line) => (
            <li key={`-${line}`} className="text-danger">
              <span aria-hidden="true">− </span>Removed: {line}
            </li>
          ))}
        </ul>
      )}
      {children}
    </section>
  )
}
