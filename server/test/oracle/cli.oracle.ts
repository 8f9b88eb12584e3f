/**
 * The real `influx` CLI against the embedded server, configured with `influx config create`: the
 * seed's commands, from `influx setup` on an empty server to `influx write` with a bucket-scoped
 * token. Every command runs against a real influxd too, when one is built, and must give the same
 * exit status and the same normalised output; the differences kept on purpose are listed below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compareRuns, INTENDED } from './cli-compare.ts'
import { influxCliPath, makeCli } from './cli-run.ts'
import { CAST, runScenario, STEPS, type StepResult } from './cli-scenario.ts'
import { startEmptyEmbedded, startEmptyInfluxd, type EmptyServer } from './cli-servers.ts'

const binary = influxCliPath()
if (!binary) console.log('cli.oracle: skipped, the influx CLI is not built (run `npm run oracle:build`)')

function permissionsOf(result: StepResult | undefined): string[] {
  return (JSON.parse(result?.outcome.output ?? '{}') as { permissions?: string[] }).permissions ?? []
}

describe.skipIf(!binary)('the real influx CLI', () => {
  let embedded: EmptyServer
  let real: EmptyServer | null = null
  let embeddedResults: StepResult[] = []
  let realResults: StepResult[] = []
  let canSetActive = false

  beforeAll(async () => {
    embedded = await startEmptyEmbedded()
    const cli = makeCli(binary ?? '')
    canSetActive = cli.canSetActive
    if (!canSetActive) console.log('cli.oracle: `auth active`/`inactive` skipped: they need the tests to run as root (see makeCli)')
    try {
      embeddedResults = await runScenario(cli, embedded.url)
    } finally {
      cli.dispose()
    }
    real = await startEmptyInfluxd()
    if (!real) {
      console.log('cli.oracle: comparison with a real influxd skipped: influxd is not built (run `npm run oracle:build`)')
      return
    }
    const realCli = makeCli(binary ?? '')
    try {
      realResults = await runScenario(realCli, real.url)
    } finally {
      realCli.dispose()
    }
  })

  afterAll(async () => {
    await embedded?.stop()
    await real?.stop()
  })

  it('gives every seed command its expected exit status on the embedded server', () => {
    const expected = STEPS.filter((step) => canSetActive || !step.setsActive).map((step) => [step.name, step.status])
    const got = embeddedResults.map((result) => [result.step, result.outcome.status])
    const failures = embeddedResults
      .filter((result, index) => result.outcome.status !== expected[index]?.[1])
      .map((result) => `${result.command}\n  ${result.raw.stderr.split('\n')[0]}`)
    expect(failures, failures.join('\n')).toEqual([])
    expect(got).toEqual(expected)
  })

  it('creates the tokens the seed describes', () => {
    const byStep = (name: string) => embeddedResults.find((result) => result.step === name)
    expect(permissionsOf(byStep('auth create: the seed read flags'))).toEqual([
      `read:orgs/<org:${CAST.org}>/buckets/<bucket:${CAST.bucket}>`,
      `read:orgs/<org:${CAST.org}>/buckets/<bucket:second>`,
      `read:orgs/<org:${CAST.org}>/dashboards`,
      `read:orgs/<org:${CAST.org}>/tasks`,
      `read:orgs/<org:${CAST.org}>/telegrafs`,
      'read:/users',
    ])
    expect(permissionsOf(byStep('auth create --write-bucket'))).toEqual([`write:orgs/<org:${CAST.org}>/buckets/<bucket:${CAST.bucket}>`])
    const memberToken = JSON.parse(byStep('auth create --user member')?.outcome.output ?? '{}') as { userName?: string }
    expect(memberToken.userName).toBe(CAST.member)
    const allAccess = permissionsOf(byStep('auth create --all-access'))
    expect(allAccess).toContain(`write:orgs/<org:${CAST.org}>/authorizations`)
    expect(allAccess).toContain(`read:/orgs/<org:${CAST.org}>`)
    expect(permissionsOf(byStep('auth create --operator'))).toContain('write:/authorizations')
    if (canSetActive) {
      const inactive = JSON.parse(byStep('auth list --id (inactive)')?.outcome.output ?? '{}') as { status?: string }
      expect(inactive.status).toBe('inactive')
    }
  })

  it('normalises away all that changes from run to run: a second fresh embedded server answers the same', async () => {
    const again = await startEmptyEmbedded()
    const cli = makeCli(binary ?? '')
    try {
      const { unexpected } = compareRuns(embeddedResults, await runScenario(cli, again.url), [])
      expect(unexpected, unexpected.join('\n\n')).toEqual([])
    } finally {
      cli.dispose()
      await again.stop()
    }
  })

  it('answers every command as a real influxd does', (context) => {
    if (!real) {
      context.skip()
      return
    }
    const { table, unexpected } = compareRuns(embeddedResults, realResults)
    console.log(`embedded server (ours) against influxd (their):\n${table}`)
    for (const entry of INTENDED) console.log(`intended difference (${entry.steps.source}): ${entry.reason}`)
    expect(unexpected, unexpected.join('\n\n')).toEqual([])
  })
})
