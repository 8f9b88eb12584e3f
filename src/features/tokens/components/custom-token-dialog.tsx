import { useQuery } from '@tanstack/react-query'
import { useCallback, useId, useMemo, useState } from 'react'
import type { ListedBucket } from '@/api/buckets'
import type { Action } from '@/api/contract'
import { byTypeName, grantableTypes } from '@/api/permission-sets'
import { LoadError } from '@/components/ui/load-error'
import { bucketQueries, resourceQueries } from '../api/token-queries'
import { sortBucketsForPicker } from '../lib/bucket-list'
import { buildCustomPermissions, customFromPermissions, type BucketRef, type CustomSelection, type TypeAccess } from '../lib/permissions'
import { useDraftSync, useInitialDraft } from '../hooks/use-draft'
import { checkCustomBuckets, customDraft } from '../lib/editor-drafts'
import { allOfType, grantPhrase } from '../lib/grant-phrase'
import { typeDescription, typeNoun, typeTitle } from '../lib/resource-types'
import { BucketPicker } from './bucket-picker'
import { GenerateDialogFrame } from './generate-dialog-frame'
import { BucketsLoading, DroppedBucketsNotice } from './generate-parts'
import type { GenerateDialogProps } from './generate-token-dialogs'

const NO_ACCESS: TypeAccess = { read: false, write: false }
const EMPTY: CustomSelection = { types: {}, bucketRead: [], bucketWrite: [] }
const BUCKET_FIELD = { read: 'bucketRead', write: 'bucketWrite' } as const

export function CustomTokenDialog(props: GenerateDialogProps) {
  const { org, source } = props
  const resources = useQuery(resourceQueries.types())
  const buckets = useQuery(bucketQueries.list(org.id))
  const types = useMemo(() => grantableTypes(resources.data ?? []).sort(byTypeName), [resources.data])
  const sortedBuckets = useMemo(() => sortBucketsForPicker(buckets.data ?? []), [buckets.data])
  const draft = customDraft(useInitialDraft().e)
  const [selection, setSelection] = useState<CustomSelection>(() => draft ?? (source ? customFromPermissions(source.permissions) : EMPTY))
  // Checked once, as soon as the org's buckets are known; until then Save stays disabled.
  const [droppedBuckets, setDroppedBuckets] = useState<number | null>(null)
  if (droppedBuckets === null && buckets.data) {
    const checked = checkCustomBuckets(selection, buckets.data)
    setSelection(checked.selection)
    setDroppedBuckets(checked.dropped)
  }
  useDraftSync({ e: selection })
  const bucketsHeadingId = useId()

  // Rows in table order, so the request lists permissions in the order the user sees them.
  const permissionsFor = useCallback(
    (ownerID: string) => {
      const rows = Object.fromEntries(types.map((type) => [type, selection.types[type] ?? NO_ACCESS]))
      return buildCustomPermissions({ orgID: org.id, orgName: org.name, userID: ownerID }, { ...selection, types: rows })
    },
    [types, selection, org.id, org.name],
  )

  function setType(type: string, action: Action, checked: boolean) {
    setSelection((current) => ({
      ...current,
      types: { ...current.types, [type]: { ...(current.types[type] ?? NO_ACCESS), [action]: checked } },
    }))
  }

  function setAllTypes(action: Action, checked: boolean) {
    setSelection((current) => ({
      ...current,
      types: Object.fromEntries(types.map((type) => [type, { ...(current.types[type] ?? NO_ACCESS), [action]: checked }])),
    }))
  }

  function setBuckets(action: Action, ids: string[]) {
    setSelection((current) => {
      const field = BUCKET_FIELD[action]
      const known = new Map<string, BucketRef>(sortedBuckets.map((b) => [b.id, { id: b.id, name: b.name }]))
      return { ...current, [field]: ids.flatMap((id) => known.get(id) ?? []) }
    })
  }

  const failed = resources.isError ? resources : buckets.isError ? buckets : null

  return (
    <GenerateDialogFrame
      {...props}
      title="Generate Custom Token"
      wide
      permissionsFor={permissionsFor}
      ready={resources.isSuccess && buckets.isSuccess && droppedBuckets !== null}
      hint="Choose at least one permission."
      warning={<DroppedBucketsNotice count={droppedBuckets} orgName={org.name} fromLink={draft !== null} />}
    >
      {failed ? (
        <LoadError error={failed.error} onRetry={() => failed.refetch()} />
      ) : resources.isPending ? (
        <div role="status" aria-label="Loading resource types" className="h-72 animate-pulse rounded-md bg-sunken" />
      ) : (
        <ResourceTable types={types} access={selection.types} onChange={setType} onChangeAll={setAllTypes} />
      )}
      <section aria-labelledby={bucketsHeadingId} className="flex flex-col gap-2">
        <h3 id={bucketsHeadingId} className="text-sm font-semibold">
          Buckets
        </h3>
        <p className="text-xs text-muted">Individual buckets, for an action the buckets row above does not already grant on every bucket.</p>
        <div className="grid gap-4 md:grid-cols-2">
          {(['read', 'write'] as const).map((action) => (
            <IndividualBuckets
              key={action}
              action={action}
              wholeType={selection.types.buckets?.[action] === true}
              buckets={sortedBuckets}
              loading={buckets.isPending}
              selected={selection[BUCKET_FIELD[action]]}
              onChange={(ids) => setBuckets(action, ids)}
              orgName={org.name}
            />
          ))}
        </div>
      </section>
    </GenerateDialogFrame>
  )
}

const TITLE = { read: 'Read', write: 'Write' } as const

function ResourceTable({
  types,
  access,
  onChange,
  onChangeAll,
}: {
  types: string[]
  access: Record<string, TypeAccess>
  onChange: (type: string, action: Action, checked: boolean) => void
  onChangeAll: (action: Action, checked: boolean) => void
}) {
  const count = (action: Action) => types.filter((type) => access[type]?.[action]).length
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-4 text-sm">
        {(['read', 'write'] as const).map((action) => {
          const ticked = count(action)
          return (
            <label key={action} className="flex items-center gap-2">
              <input
                type="checkbox"
                className="size-4 accent-[var(--accent)]"
                checked={types.length > 0 && ticked === types.length}
                // Some but not all: shown and announced as mixed.
                ref={(box) => {
                  if (box) box.indeterminate = ticked > 0 && ticked < types.length
                }}
                onChange={(event) => onChangeAll(action, event.target.checked)}
              />
              {TITLE[action]} all types
            </label>
          )
        })}
      </div>
      <div className="max-h-72 overflow-y-auto rounded-md border border-border">
        <table aria-label="Resources" className="w-full text-sm">
          <thead className="sticky top-0 bg-raised">
            <tr className="border-b border-border text-left">
              <th scope="col" className="px-3 py-2 font-semibold">
                Resource
              </th>
              <th scope="col" className="w-20 px-3 py-2 text-center font-semibold">
                Read
              </th>
              <th scope="col" className="w-20 px-3 py-2 text-center font-semibold">
                Write
              </th>
            </tr>
          </thead>
          <tbody>
            {types.map((type) => (
              <tr key={type} className="border-b border-border last:border-b-0 hover:bg-sunken">
                <th scope="row" className="px-3 py-1.5 text-left font-normal">
                  <span className="font-medium">{typeTitle(type)}</span>{' '}
                  <code className="rounded bg-sunken px-1 text-xs text-muted">{type}</code>
                  {typeDescription(type) && <span className="block text-xs text-muted">{typeDescription(type)}</span>}
                </th>
                {(['read', 'write'] as const).map((action) => (
                  <td key={action} className="px-3 py-1.5 text-center">
                    <input
                      type="checkbox"
                      aria-label={`${TITLE[action]} ${typeNoun(type)}`}
                      className="size-4 align-middle accent-[var(--accent)]"
                      checked={access[type]?.[action] === true}
                      onChange={(event) => onChange(type, action, event.target.checked)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}

function IndividualBuckets({
  action,
  wholeType,
  buckets,
  loading,
  selected,
  onChange,
  orgName,
}: {
  action: Action
  orgName: string
  /** The type-wide box is ticked, which already covers every bucket, future ones too. */
  wholeType: boolean
  buckets: ListedBucket[]
  loading: boolean
  selected: BucketRef[]
  onChange: (ids: string[]) => void
}) {
  const ids = useMemo(() => selected.map((b) => b.id), [selected])
  return (
    <fieldset className="flex min-w-0 flex-col gap-3 rounded-lg border border-border p-3">
      <legend className="px-1 text-sm font-semibold">{TITLE[action]} individual buckets</legend>
      {wholeType ? (
        <p className="rounded-md bg-sunken px-3 py-2 text-sm">
          The buckets row above already grants: {grantPhrase(action, 'buckets', allOfType('buckets', [orgName]))}.
        </p>
      ) : loading ? (
        <BucketsLoading />
      ) : (
        <BucketPicker action={action} buckets={buckets} selected={ids} onChange={onChange} />
      )}
    </fieldset>
  )
}
