import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { readableBucketIDs } from '@/api/buckets'
import type { Authorization, Organization } from '@/api/contract'
import { errorMessage } from '@/api/http'
import { writeLines } from '@/api/write'
import { Button } from '@/components/ui/button'
import { SelectField } from '@/components/ui/select-field'
import { cn } from '@/lib/cn'
import { bucketQueries } from '../api/token-queries'
import { sortBucketsForPicker } from '../lib/bucket-list'
import { expectedAccess, verdict, type CheckResult, type Outcome } from '../lib/token-check'

/** Enough rows to show a scope's shape; the verdict counts them all. */
const MAX_ROWS = 100
const TEST_MEASUREMENT = 'influx_tokens_check'

async function outcome(request: Promise<unknown>): Promise<Outcome> {
  try {
    await request
    return { allowed: true }
  } catch (error) {
    return { allowed: false, reason: errorMessage(error) }
  }
}

/**
 * Uses the new token itself, from the browser, exactly as a program would: it lists the buckets
 * (the server lists only those the token may read) and writes one test point to a bucket its scope
 * lets it write. Two requests, whatever the number of buckets; the same against a real InfluxDB.
 */
export function TryToken({ auth, org }: { auth: Authorization; org: Organization }) {
  const buckets = useQuery(bucketQueries.list(org.id))
  const userBuckets = useMemo(() => sortBucketsForPicker(buckets.data ?? []).filter((b) => b.type === 'user'), [buckets.data])
  const expected = useMemo(() => expectedAccess(auth, userBuckets), [auth, userBuckets])
  const writable = useMemo(() => expected.filter((e) => e.write).map((e) => e.bucket), [expected])
  const [target, setTarget] = useState('')
  const [result, setResult] = useState<CheckResult | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [running, setRunning] = useState(false)
  const writeTo = writable.find((b) => b.id === target) ?? writable[0]

  async function run() {
    setRunning(true)
    setFailure(null)
    try {
      const readable = await readableBucketIDs(org.id, auth.token, buckets.data?.length ?? 0)
      const line = `${TEST_MEASUREMENT},source=influx-tokens ok=1i ${Math.floor(Date.now() / 1000)}`
      const write = writeTo ? { bucket: writeTo, outcome: await outcome(writeLines(auth.token, org.id, writeTo.id, line)) } : undefined
      setResult({ readable, write })
    } catch (error) {
      setFailure(`The token could not list buckets: ${errorMessage(error)}`)
      setResult(null)
    } finally {
      setRunning(false)
    }
  }

  const summary = result && verdict(expected, result)
  // Allowed buckets first: they are what the token is for.
  const rows = useMemo(() => {
    if (!result) return []
    const allowed = (id: string) => result.readable.has(id) || (result.write?.bucket.id === id && result.write.outcome.allowed)
    return [...expected.filter((e) => allowed(e.bucket.id)), ...expected.filter((e) => !allowed(e.bucket.id))].slice(0, MAX_ROWS)
  }, [expected, result])

  return (
    <section aria-labelledby="try-it-heading" className="flex flex-col gap-3 rounded-lg border border-border p-3">
      <h3 id="try-it-heading" className="text-sm font-semibold">
        Try this token
      </h3>
      <p className="text-xs text-muted">
        Lists the buckets with this token and writes one point (measurement <code>{TEST_MEASUREMENT}</code>) to a bucket it can write, to show
        what its scope allows.
      </p>
      <div className="flex flex-wrap items-end gap-2">
        {writable.length > 0 ? (
          <SelectField
            label="Bucket to write a test point to"
            className="w-56"
            value={writeTo?.id ?? ''}
            onChange={(event) => setTarget(event.target.value)}
            options={writable.map((bucket) => ({ value: bucket.id, label: bucket.name }))}
          />
        ) : (
          buckets.isSuccess && <p className="text-sm">This token cannot write to any bucket, so no test point will be written.</p>
        )}
        <Button onClick={run} pending={running} disabled={!buckets.isSuccess}>
          Try it
        </Button>
      </div>
      {failure && (
        <p role="alert" className="text-sm text-danger">
          {failure}
        </p>
      )}
      {summary && (
        <p role="status" className={cn('text-sm font-medium', summary.asIntended ? 'text-success' : 'text-danger')}>
          {summary.text}
        </p>
      )}
      {result && rows.length > 0 && (
        // Scrolls on its own: focusable, so a keyboard can scroll it too.
        <div role="region" aria-label="Results by bucket" tabIndex={0} className="max-h-56 overflow-auto rounded-md border border-border">
          <table aria-label="Token check results" className="w-full text-sm">
            <thead className="sticky top-0 bg-sunken text-left text-xs text-muted">
              <tr>
                <th scope="col" className="px-3 py-1.5">Bucket</th>
                <th scope="col" className="px-3 py-1.5">Read</th>
                <th scope="col" className="px-3 py-1.5">Write</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ bucket }) => {
                const write = result.write?.bucket.id === bucket.id ? result.write.outcome : undefined
                return (
                  <tr key={bucket.id} className="border-t border-border">
                    <th scope="row" className="px-3 py-1.5 text-left font-normal">{bucket.name}</th>
                    <OutcomeCell allowed={result.readable.has(bucket.id)} reason="not listed for this token" />
                    {write ? <OutcomeCell allowed={write.allowed} reason={write.allowed ? '' : write.reason} /> : <td className="px-3 py-1.5 text-muted">not tried</td>}
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      {result && expected.length > MAX_ROWS && (
        <p className="text-xs text-muted">
          Showing {MAX_ROWS} of {expected.length} buckets.
        </p>
      )}
    </section>
  )
}

function OutcomeCell({ allowed, reason }: { allowed: boolean; reason: string }) {
  return (
    <td className={cn('px-3 py-1.5', allowed ? 'text-success' : 'text-muted')} title={allowed ? undefined : reason}>
      {allowed ? 'Allowed' : 'Refused'}
    </td>
  )
}
