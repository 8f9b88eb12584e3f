import { useQuery } from '@tanstack/react-query'
import { useDeferredValue, useMemo, useState } from 'react'
import type { Organization, User } from '@/api/contract'
import { useSearchParams } from '@/app/router'
import { inputClass } from '@/components/ui/field'
import { LoadError } from '@/components/ui/load-error'
import { formatDateTime } from '@/lib/time'
import { filterTokens, parseSortKey, SORT_OPTIONS, sortTokens, toListItems } from '../lib/token-list'
import { tokenQueries } from '../api/token-queries'
import { GenerateTokenMenu, type GenerateKind } from './generate-token-menu'
import { GenerateTokenDialogs } from './generate-token-dialogs'
import { TokensTable, TokensTableSkeleton } from './tokens-table'

export function TokensPanel({ org, me }: { org: Organization; me: User }) {
  const tokens = useQuery(tokenQueries.list(org.id))
  const [params, setParams] = useSearchParams()
  const [filterText, setFilterText] = useState(() => params.get('searchTerm') ?? '')
  const sortKey = parseSortKey(params.get('sortKey'))
  const [generating, setGenerating] = useState<GenerateKind | null>(null)

  // Typing stays responsive at 10,000 tokens: the list follows the deferred value.
  const deferredFilter = useDeferredValue(filterText)
  const items = useMemo(() => toListItems(tokens.data ?? [], formatDateTime), [tokens.data])
  const sorted = useMemo(() => sortTokens(items, sortKey), [items, sortKey])
  const visible = useMemo(() => filterTokens(sorted, deferredFilter), [sorted, deferredFilter])

  function changeFilter(value: string) {
    setFilterText(value)
    setParams({ searchTerm: value })
  }

  return (
    <div className="flex flex-col gap-4">
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
        <label className="flex flex-col gap-1 text-xs font-medium text-muted">
          Sort by
          <select
            className={`${inputClass} w-auto pr-8`}
            value={sortKey}
            onChange={(event) => setParams({ sortKey: event.target.value })}
          >
            {SORT_OPTIONS.map((option) => (
              <option key={option.key} value={option.key}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <div className="ml-auto">
          <GenerateTokenMenu onChoose={setGenerating} />
        </div>
      </div>

      {tokens.isPending ? (
        <TokensTableSkeleton />
      ) : tokens.isError ? (
        <LoadError error={tokens.error} onRetry={() => tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <EmptyState onChoose={setGenerating} />
      ) : visible.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border px-6 py-12 text-center text-sm text-muted">
          No Tokens match your query
        </p>
      ) : (
        <TokensTable items={visible} total={tokens.data.length} />
      )}

      <GenerateTokenDialogs kind={generating} org={org} me={me} onClose={() => setGenerating(null)} />
    </div>
  )
}

function EmptyState({ onChoose }: { onChoose: (kind: GenerateKind) => void }) {
  return (
    <div role="region" aria-label="No tokens" className="flex flex-col items-center gap-4 rounded-lg border border-dashed border-border px-6 py-12 text-center">
      <p className="text-base">
        Looks like there aren&apos;t any <strong>Tokens</strong>, why not generate one?
      </p>
      <GenerateTokenMenu onChoose={onChoose} />
    </div>
  )
}

export function TokensPanelSkeleton() {
  return (
    <div className="flex flex-col gap-4">
      <div className="h-[60px]" />
      <TokensTableSkeleton />
    </div>
  )
}
