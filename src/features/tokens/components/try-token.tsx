import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { getBucket, type ListedBucket } from '@/api/buckets'
import type { Organization } from '@/api/contract'
import { errorMessage } from '@/api/http'
import { writeLines } from '@/api/write'
import { Button } from '@/components/ui/button'
import { SelectField } from '@/components/ui/select-field'
import { cn } from '@/lib/cn'
import { settleAll } from '@/lib/settle-all'
import { bucketQueries } from '../api/token-queries'
import { sortBucketsForPicker } from '../lib/bucket-list'

/** Enough buckets to show a scope's shape without hammering an org of thousands. */
const MAX_READ_CHECKS = 100
const TEST_MEASUREMENT = 'influx_tokens_check'

type Outcome = { allowed: true } | { allowed: false; reason: string }
interface CheckRow {
  bucket: ListedBucket
  read: Outcome
  write?: Outcome
}

async function outcome(request: Promise<unknown>): Promise<Outcome> {
  try {
    await request
    return { allowed: true }
  } catch (error) {
    return { allowed: false, reason: errorMessage(error) }
  }
}

/**
 * Uses the new token itself, from the browser, exactly as a program would: one test point written
 * to a chosen bucket, and a read of each bucket. Works the same against a real InfluxDB.
 */
export function TryToken({ token, org }: { token: string; org: Organization }) {
  const buckets = useQuery(bucketQueries.list(org.id))
  const sorted = useMemo(() => sortBucketsForPicker(buckets.data ?? []).filter((b) => b.type === 'user'), [buckets.data])
  const [target, setTarget] = useState('')
  const [rows, setRows] = useState<CheckRow[] | null>(null)
  const [running, setRunning] = useState(false)
  const writeTo = sorted.find((b) => b.id === target) ?? sorted[0]

  async function run() {
    if (!writeTo) return
    setRunning(true)
    const line = `${TEST_MEASUREMENT},source=influx-tokens ok=1i ${Math.floor(Date.now() / 1000)}`
    const write = await outcome(writeLines(token, org.id, writeTo.id, line))
    const checked = [writeTo, ...sorted.filter((b) => b.id !== writeTo.id)].slice(0, MAX_READ_CHECKS)
    const reads = await settleAll(checked, 6, (bucket) => outcome(getBucket(bucket.id, token)))
    setRows(
      checked.map((bucket, i) => {
        const read = reads[i]
        return {
          bucket,
          read: read?.status === 'fulfilled' ? read.value : { allowed: false, reason: 'not checked' },
          write: bucket.id === writeTo.id ? write : undefined,
        }
      }),
    )
    setRunning(false)
  }

  return (
    <section aria-labelledby="try-it-heading" className="flex flex-col gap-3 rounded-lg border border-border p-3">
      <h3 id="try-it-heading" className="text-sm font-semibold">
        Try this token
      </h3>
      <p className="text-xs text-muted">
        Writes one point (measurement <code>{TEST_MEASUREMENT}</code>) to the chosen bucket and reads each bucket with this token, to show what
        its scope allows.
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <SelectField
          label="Bucket to write a test point to"
          className="w-56"
          value={writeTo?.id ?? ''}
          onChange={(event) => setTarget(event.target.value)}
          disabled={!sorted.length}
          options={sorted.map((bucket) => ({ value: bucket.id, label: bucket.name }))}
        />
        <Button onClick={run} pending={running} disabled={!writeTo}>
          Try it
        </Button>
      </div>
      {rows && (
        <div className="max-h-56 overflow-auto rounded-md border border-border">
          <table aria-label="Token check results" className="w-full text-sm">
            <thead className="sticky top-0 bg-sunken text-left text-xs text-muted">
              <tr>
                <th scope="col" className="px-3 py-1.5">Bucket</th>
                <th scope="col" className="px-3 py-1.5">Read</th>
                <th scope="col" className="px-3 py-1.5">Write</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.bucket.id} className="border-t border-border">
                  <th scope="row" className="px-3 py-1.5 text-left font-normal">{row.bucket.name}</th>
                  <OutcomeCell outcome={row.read} />
                  {row.write ? <OutcomeCell outcome={row.write} /> : <td className="px-3 py-1.5 text-muted">not tried</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows && sorted.length > MAX_READ_CHECKS && (
        <p className="text-xs text-muted">
          Checked {MAX_READ_CHECKS} of {sorted.length} buckets.
        </p>
      )}
    </section>
  )
}

function OutcomeCell({ outcome }: { outcome: Outcome }) {
  return (
    <td className={cn('px-3 py-1.5', outcome.allowed ? 'text-success' : 'text-danger')} title={outcome.allowed ? undefined : outcome.reason}>
      {outcome.allowed ? 'Allowed' : 'Refused'}
    </td>
  )
}
