/**
 * The real `influx` CLI against the embedded server, configured with `influx config create`: the
 * seed's commands, from `influx setup` on an empty server to `influx write` with a bucket-scoped
 * token. Every command runs against a real influxd too, when one is built, and must give the same
 * exit status and the same normalised output; the differences kept on purpose are listed below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { influxCliPath, makeCli } from './cli-run.ts'
import { CAST, runScenario, STEPS, type StepResult } from './cli-scenario.ts'
import { startEmptyEmbedded, startEmptyInfluxd, type EmptyServer } from './cli-servers.ts'

const binary = influxCliPath()
if (!binary) console.log('cli.oracle: skipped, the influx CLI is not built (run `npm run oracle:build`)')

/**
 * Differences kept on purpose: each rewrites real influxd's normalised output into what the
 * embedded server answers, so that nothing else in that step may differ.
 */
const INTENDED: Array<{ steps: RegExp; reason: string; rewrite: (output: string) => string }> = [
  {
    steps: /^auth list/,
    reason: 'the embedded server keeps only a hash of each token, so lists show it empty (as InfluxDB 2.9+ with hashed tokens does)',
    rewrite: (output) => output.replaceAll('"token": "<token>"', '"token": ""').replace(/ <token> /g, ' '),
  },
]

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

  it('answers every command as a real influxd does', (context) => {
    if (!real) {
      context.skip()
      return
    }
    const rows: string[] = []
    const unexpected: string[] = []
    expect(realResults.map((result) => result.step)).toEqual(embeddedResults.map((result) => result.step))
    embeddedResults.forEach((ours, index) => {
      const theirs = realResults[index]
      if (!theirs) return
      const intended = INTENDED.find((entry) => entry.steps.test(ours.step))
      const theirOutput = intended ? intended.rewrite(theirs.outcome.output) : theirs.outcome.output
      const same =
        ours.outcome.status === theirs.outcome.status &&
        ours.outcome.output === theirOutput &&
        ours.outcome.error === theirs.outcome.error
      const verdict = same ? (intended && theirOutput !== theirs.outcome.output ? 'intended' : 'same') : 'DIFFERENT'
      rows.push(`${verdict.padEnd(9)} ${String(ours.outcome.status).padEnd(3)} ${String(theirs.outcome.status).padEnd(3)} ${ours.command}`)
      if (!same) {
        unexpected.push(
          [
            ours.command,
            `  embedded: ${ours.outcome.status} ${ours.outcome.error}\n${ours.outcome.output}`,
            `  influxd:  ${theirs.outcome.status} ${theirs.outcome.error}\n${theirOutput}`,
          ].join('\n'),
        )
      }
    })
    console.log(['verdict   emb real command', ...rows].join('\n'))
    for (const entry of INTENDED) console.log(`intended difference (${entry.steps.source}): ${entry.reason}`)
    expect(unexpected, unexpected.join('\n\n')).toEqual([])
  })
})
