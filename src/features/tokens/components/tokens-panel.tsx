import { useQuery, useQueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { ListedBucket } from '@/api/buckets'
import type { Authorization, Organization, User } from '@/api/contract'
import { useTokenAccess } from '@/api/session-access'
import { replaceSearchParamsQuietly, useSearchParams } from '@/lib/router'
import { Button } from '@/components/ui/button'
import { inputClass } from '@/components/ui/field'
import { LoadError } from '@/components/ui/load-error'
import { SelectField } from '@/components/ui/select-field'
import { cn } from '@/lib/cn'
import { formatDateTime } from '@/lib/time'
import { bucketQueries, FIRST_SCREEN_ROWS, tokenQueries } from '../api/token-queries'
import { sortBucketsForPicker } from '../lib/bucket-list'
import { tokensReachingBucket, type BucketReach } from '../lib/bucket-reach'
import type { TokenKind } from '../lib/permissions'
import { firstSorted, parseSortKey, SORT_OPTIONS, sortTokens, tokenFilter, type SortKey } from '../lib/token-list'
import { BucketFilter } from './bucket-filter'
import { BulkActions } from './bulk-actions'
import { ExportMenu } from './export-menu'
import { FirstRunNotice } from './first-run-notice'
import { ReviewFilterChip } from './review-filter-chip'
import { useReviewFilter } from '../hooks/use-review-filter'
import { useGenerateDialog } from '../hooks/use-generate-dialog'
import { GenerateTokenMenu } from './generate-token-menu'
import { useRowActions } from './row-actions'
import { TokensTableSkeleton } from './tokens-page-frame'
import { TokensTable } from './tokens-table'

// The dialogs (forms, validation, previews) load apart from the page, so the list shows sooner;
// they are fetched while the browser is idle, so opening one stays instant.
const loadGenerateDialogs = () => import('./generate-token-dialogs')
const loadDetailsDialog = () => import('./token-details-dialog')
const GenerateTokenDialogs = lazy(() => loadGenerateDialogs().then((m) => ({ default: m.GenerateTokenDialogs })))
const TokenDetailsDialog = lazy(() => loadDetailsDialog().then((m) => ({ default: m.TokenDetailsDialog })))

/** The deferred list before its first background render (also when the data was cached already). */
const NOT_LISTED_YET: Authorization[] = []

const PRELOAD_WAIT_MS = 100

/** How long a token just created stays marked in the list. */
const HIGHLIGHT_MS = 5000

/**
 * Once the list is on screen: the dialogs' code and the org's buckets, when the browser is idle
 * or at the latest after PRELOAD_WAIT_MS (the rest of a long list may still be read meanwhile).
 */
function usePreload(orgID: string, listShown: boolean) {
  const queryClient = useQueryClient()
  useEffect(() => {
    if (!listShown) return
    const preload = () => {
      void Promise.all([loadGenerateDialogs(), loadDetailsDialog()])
      void queryClient.prefetchQuery(bucketQueries.list(orgID))
    }
    const id = window.requestIdleCallback ? window.requestIdleCallback(preload, { timeout: PRELOAD_WAIT_MS }) : window.setTimeout(preload, PRELOAD_WAIT_MS)
    return () => (window.cancelIdleCallback ? window.cancelIdleCallback(id) : window.clearTimeout(id))
  }, [queryClient, orgID, listShown])
}

/**
 * The first screen of a list in `sortKey` order, picked in one pass while the whole list is read
 * (once its last chunk is parsed) or sorted; null when `wanted` is false or there is nothing to show.
 */
function useFirstScreen(orgID: string, data: Authorization[] | undefined, wanted: boolean, sortKey: SortKey) {
  const early = useQuery(tokenQueries.firstScreen(orgID)).data
  return useMemo(() => {
    if (!wanted) return null
    if (data) return data.length > 0 ? { items: firstSorted(data, sortKey, FIRST_SCREEN_ROWS), rowCount: data.length } : null
    if (!early || early.sortKey !== sortKey || early.total === 0) return null
    return { items: early.tokens, rowCount: early.total }
  }, [wanted, data, early, sortKey])
}

export function TokensPanel({ org, me }: { org: Organization; me: User }) {
  // A read-only token session is offered neither Generate nor changes to tokens; the server would refuse them anyway.
  const canWriteTokens = useTokenAccess(org.id).access.writeTokens
  const tokens = useQuery(tokenQueries.list(org.id))
  const generate = useGenerateDialog(tokens.data)
  const [params, setParams] = useSearchParams()
  const [filterText, setFilterText] = useState(() => params.get('searchTerm') ?? '')
  const sortKey = parseSortKey(params.get('sortKey'))
  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set())
  const justCreated = useRef<string | null>(null)
  const [highlightID, setHighlightID] = useState<string | null>(null)
  useEffect(() => {
    if (!highlightID) return
    const timer = window.setTimeout(() => setHighlightID(null), HIGHLIGHT_MS)
    return () => window.clearTimeout(timer)
  }, [highlightID])
  const generateButton = useRef<HTMLButtonElement>(null)

  // Filtering and rendering one screen of rows fits in a frame, so the list follows each keystroke
  // directly (deferring it would add a frame). New data is different: a first sort of a large list
  // does not fit, so it runs in a background render, and the first time a list arrives its first
  // screen is picked in one pass and shown meanwhile (figures in docs/performance.md).
  const deferred = useDeferredValue(tokens.data, NOT_LISTED_YET)
  const listed = deferred === NOT_LISTED_YET ? undefined : deferred
  // The last list sorted is a hint for the next (after a refetch or a status switch): the result
  // is the same, but at 10,000 tokens it comes in a few ms.
  const lastSorted = useRef<Authorization[]>([])
  const sorted = useMemo(() => sortTokens(listed ?? [], sortKey, lastSorted.current), [listed, sortKey])
  useEffect(() => {
    lastSorted.current = sorted
  }, [sorted])
  const filter = useMemo(() => tokenFilter(sorted, formatDateTime), [sorted])
  const bucketID = params.get('bucket')
  const review = useReviewFilter(org, me, params.get('finding'))
  // The open details dialog has a link of its own.
  const detailsID = params.get('token')
  const firstScreen = useFirstScreen(org.id, tokens.data, listed === undefined && !filterText.trim() && bucketID === null && !review.rule, sortKey)
  usePreload(org.id, tokens.isSuccess || firstScreen !== null)
  const [bucketFilterUsed, setBucketFilterUsed] = useState(false)
  const buckets = useQuery({ ...bucketQueries.list(org.id), enabled: bucketFilterUsed || bucketID !== null })
  const sortedBuckets = useMemo(() => sortBucketsForPicker(buckets.data ?? []), [buckets.data])
  const reachBucket = useMemo(() => sortedBuckets.find((b) => b.id === bucketID), [sortedBuckets, bucketID])
  // Who can reach a bucket: the answer an administrator needs before deleting it.
  const reach = useMemo(
    () => (reachBucket ? new Map<string, BucketReach>(tokensReachingBucket(listed ?? [], reachBucket).map((r) => [r.auth.id, r])) : null),
    [listed, reachBucket],
  )
  const visible = useMemo(() => {
    const matching = filter(filterText)
    const reached = reach ? matching.filter((auth) => reach.has(auth.id)) : matching
    return review.ids ? reached.filter((auth) => review.ids?.has(auth.id)) : reached
  }, [filter, filterText, reach, review.ids])
  const selected = useMemo(() => (tokens.data ?? []).filter((auth) => selection.has(auth.id)), [tokens.data, selection])
  // Rows shown from a first screen open too, before the whole list is read.
  const details = useMemo(
    () => (tokens.data ?? firstScreen?.items)?.find((auth) => auth.id === detailsID) ?? null,
    [tokens.data, firstScreen, detailsID],
  )

  function changeFilter(value: string) {
    setFilterText(value)
    // Only read when the page opens, so typing need not re-render the app through the router.
    replaceSearchParamsQuietly({ searchTerm: value })
  }

  const select = useCallback((auths: Authorization[], checked: boolean) => {
    setSelection((current) => {
      const next = new Set(current)
      for (const auth of auths) {
        if (checked) next.add(auth.id)
        else next.delete(auth.id)
      }
      return next
    })
  }, [])

  const openGenerate = generate.open
  const latest = useRef(openGenerate)
  useLayoutEffect(() => {
    latest.current = openGenerate
  })
  const chooseGenerate = useCallback((kind: TokenKind) => latest.current({ kind }), [])
  const chooseBucket = useCallback((bucket: ListedBucket | null) => setParams({ bucket: bucket?.id ?? null }), [setParams])
  const activateBucketFilter = useCallback(() => setBucketFilterUsed(true), [])
  const { actions, dialogs } = useRowActions({
    orgID: org.id,
    canChange: canWriteTokens,
    tokens: tokens.data,
    select,
    onClone: (auth) => latest.current({ kind: 'clone', source: auth }),
    onOpenDetails: (auth) => setParams({ token: auth.id }),
  })

  return (
    // Room under the list for the floating bulk bar, so the last rows can scroll above it.
    <div className={cn('flex flex-col gap-4', selected.length > 0 && 'pb-20')}>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex min-w-48 flex-1 flex-col gap-1 text-xs font-medium text-muted sm:max-w-xs">
          Filter Tokens
          <input
            type="text"
            className={inputClass}
            placeholder="Filter Tokens..."
            value={filterText}
            onChange={(event) => changeFilter(event.target.value)}
          />
        </label>
        <SelectField
          label="Sort by"
          value={sortKey}
          onChange={(event) => setParams({ sortKey: event.target.value })}
          options={SORT_OPTIONS.map((option) => ({ value: option.key, label: option.label }))}
        />
        <BucketFilter
          buckets={sortedBuckets}
          loading={buckets.isFetching && !buckets.data}
          selected={reachBucket}
          onSelect={chooseBucket}
          onActivate={activateBucketFilter}
        />
        <div className="ml-auto flex gap-2">
          <ExportMenu org={org} tokens={visible} disabled={listed === undefined} />
          {canWriteTokens && <GenerateTokenMenu ref={generateButton} me={me} orgID={org.id} onChoose={chooseGenerate} />}
        </div>
      </div>

      {listed && <FirstRunNotice orgID={org.id} tokens={listed} onGenerate={() => chooseGenerate('read-write')} />}

      {canWriteTokens && selected.length > 0 && (
        <BulkActions
          orgID={org.id}
          selected={selected}
          known={tokens.data ?? []}
          onDeleted={(ids) => select(selected.filter((a) => ids.includes(a.id)), false)}
          onClear={() => setSelection(new Set())}
        />
      )}

      {review.rule && <ReviewFilterChip title={review.rule.title} count={visible.length} onClear={() => setParams({ finding: null })} />}

      {tokens.isError ? (
        <LoadError error={tokens.error} onRetry={() => tokens.refetch()} />
      ) : review.error ? (
        <LoadError error={review.error} onRetry={review.retry} />
      ) : review.pending ? (
        <TokensTableSkeleton />
      ) : firstScreen ? (
        <TokensTable items={firstScreen.items} rowCount={firstScreen.rowCount} total={firstScreen.rowCount} selected={selection} onSelectShown={select} actions={actions} />
      ) : listed === undefined ? (
        <TokensTableSkeleton />
      ) : listed.length === 0 ? (
        <EmptyState me={me} orgID={org.id} canGenerate={canWriteTokens} onChoose={(kind) => generate.open({ kind })} />
      ) : visible.length === 0 ? (
        <div className="flex flex-col items-center gap-3 rounded-lg border border-dashed border-border px-6 py-12 text-center text-sm text-muted">
          <p>{reachBucket && !filterText.trim() ? `No token can read or write ${reachBucket.name}` : 'No Tokens match your query'}</p>
          <Button
            onClick={() => {
              changeFilter('')
              chooseBucket(null)
            }}
          >
            Clear filter
          </Button>
        </div>
      ) : (
        <TokensTable
          items={visible}
          total={listed.length}
          selected={selection}
          onSelectShown={select}
          actions={actions}
          reach={reach}
          highlightID={highlightID}
        />
      )}

      <Suspense fallback={null}>
        {generate.request && (
          <GenerateTokenDialogs
            request={generate.request}
            org={org}
            me={me}
            onClose={() => {
              const created = justCreated.current
              justCreated.current = null
              // After Done the new token is shown where it landed in the list, once the page is back.
              void generate.close().then(() => setHighlightID(created))
            }}
            onCreated={(auth) => {
              justCreated.current = auth.id
              generate.spent()
            }}
            returnFocusTo={() => generateButton.current}
          />
        )}
        {details && <TokenDetailsDialog auth={details} org={org} onClose={() => setParams({ token: null })} actions={actions} />}
      </Suspense>
      {dialogs}
    </div>
  )
}

function EmptyState({ me, orgID, canGenerate, onChoose }: { me: User; orgID: string; canGenerate: boolean; onChoose: (kind: TokenKind) => void }) {
  return (
    <div role="region" aria-label="No tokens" className="flex flex-col items-center gap-4 rounded-lg border border-dashed border-border px-6 py-12 text-center">
      <p className="text-base">
        Looks like there aren&apos;t any <strong>Tokens</strong>{canGenerate ? ', why not generate one?' : '.'}
      </p>
      {canGenerate && <GenerateTokenMenu me={me} orgID={orgID} onChoose={onChoose} />}
    </div>
  )
}
