import type { CliResult, InfluxCli } from './cli-run.ts'
import { Names, normaliseOutcome, type Outcome } from './cli-normalise.ts'

/** What the scenario learns as it goes, per server. */
export interface ScenarioState {
  url: string
  names: Names
  ids: Record<string, string>
  tokens: Record<string, string>
}

export interface Step {
  name: string
  args: (state: ScenarioState) => string[]
  /** The exit status expected from both servers. */
  status: number
  /** Reads IDs and tokens out of the output, for later steps. */
  learn?: (json: unknown, state: ScenarioState) => void
  /** Needs a CLI that can run `auth active`/`inactive` against a test server (see makeCli). */
  setsActive?: boolean
}

export interface StepResult {
  step: string
  command: string
  outcome: Outcome
  raw: CliResult
}

export const CAST = {
  username: 'admin',
  password: 'admin-password',
  org: 'my-org',
  bucket: 'my-bucket',
  operatorToken: 'cli-oracle-operator-token-0123456789abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOPQR==',
  member: 'member',
  memberPassword: 'member-password',
}

interface Identified {
  id: string
  name?: string
  token?: string
}

const learnAuth =
  (role: string) =>
  (json: unknown, state: ScenarioState): void => {
    const auth = json as Identified
    state.names.set(auth.id, `auth:${role}`)
    state.ids[role] = auth.id
    if (auth.token) state.tokens[role] = auth.token
  }

const learnList =
  (kind: string) =>
  (json: unknown, state: ScenarioState): void => {
    for (const item of json as Identified[]) {
      if (!item.name) continue
      state.names.set(item.id, `${kind}:${item.name}`)
      state.ids[`${kind}:${item.name}`] = item.id
    }
  }

/** A value an earlier step learned; a step whose input is missing cannot run. */
function known(values: Record<string, string>, key: string): string {
  const value = values[key]
  if (value === undefined) throw new Error(`an earlier step did not give ${key}`)
  return value
}

const line = 'cpu,host=a usage=1'
// Tokens go as --token=<value>: given as `-t <value>`, one that starts with a hyphen makes the CLI
// print a warning on stdout.

/** The seed's commands, in order, each run against both servers. */
export const STEPS: Step[] = [
  { name: 'config create (no token yet)', args: (s) => ['config', 'create', '-n', 'target', '-u', s.url, '-a', '--json'], status: 0 },
  { name: 'ping', args: () => ['ping'], status: 0 },
  {
    name: 'setup on an empty server',
    args: () => ['setup', '-u', CAST.username, '-p', CAST.password, '-o', CAST.org, '-b', CAST.bucket, '-t', CAST.operatorToken, '-n', 'setup', '-f', '--json'],
    status: 0,
  },
  {
    // `setup` leaves its own config active, pointing at --host's default: name ours instead.
    name: 'setup again (already set up)',
    args: () => ['setup', '-c', 'target', '-u', 'other', '-p', CAST.password, '-o', 'other', '-b', 'other', '-n', 'again', '-f'],
    status: 1,
  },
  {
    name: 'config create with the operator token',
    args: (s) => ['config', 'create', '-n', 'admin', '-u', s.url, '-t', CAST.operatorToken, '-o', CAST.org, '-a', '--json'],
    status: 0,
  },
  { name: 'org list --json', args: () => ['org', 'list', '--json'], status: 0, learn: learnList('org') },
  { name: 'user list --json', args: () => ['user', 'list', '--json'], status: 0, learn: learnList('user') },
  { name: 'bucket list --json', args: () => ['bucket', 'list', '--json'], status: 0, learn: learnList('bucket') },
  {
    name: 'bucket create',
    args: () => ['bucket', 'create', '-n', 'second', '-r', '0', '--json'],
    status: 0,
    learn: (json, s) => learnList('bucket')([json], s),
  },
  { name: 'bucket create (name taken)', args: () => ['bucket', 'create', '-n', 'second'], status: 1 },
  { name: 'bucket list (table)', args: () => ['bucket', 'list'], status: 0 },
  { name: 'bucket list --json', args: () => ['bucket', 'list', '--json'], status: 0 },
  {
    name: 'user create (a member)',
    args: () => ['user', 'create', '-n', CAST.member, '-p', CAST.memberPassword, '-o', CAST.org, '--json'],
    status: 0,
    learn: (json, s) => learnList('user')([json], s),
  },
  { name: 'auth create --all-access', args: () => ['auth', 'create', '--org', CAST.org, '--all-access', '--json'], status: 0, learn: learnAuth('all-access') },
  { name: 'auth create --operator', args: () => ['auth', 'create', '--org', CAST.org, '--operator', '--json'], status: 0, learn: learnAuth('operator') },
  {
    name: 'auth create: the seed read flags',
    args: (s) => [
      'auth', 'create', '--org', CAST.org, '--description', 'seed read token',
      '--read-bucket', known(s.ids, `bucket:${CAST.bucket}`), '--read-bucket', known(s.ids, 'bucket:second'),
      '--read-dashboards', '--read-tasks', '--read-telegrafs', '--read-users', '--json',
    ],
    status: 0,
    learn: learnAuth('seed-read'),
  },
  {
    // The seed writes --read-user; the CLI only has --read-users and refuses the command.
    name: 'auth create --read-user (as the seed spells it)',
    args: (s) => ['auth', 'create', '--org', CAST.org, '--read-bucket', known(s.ids, `bucket:${CAST.bucket}`), '--read-user'],
    status: 1,
  },
  {
    name: 'auth create --user member',
    args: (s) => ['auth', 'create', '--org', CAST.org, '--user', CAST.member, '--read-bucket', known(s.ids, `bucket:${CAST.bucket}`), '--json'],
    status: 0,
    learn: learnAuth('member-read'),
  },
  { name: 'auth create --user (unknown user)', args: () => ['auth', 'create', '--org', CAST.org, '--user', 'nobody', '--read-buckets'], status: 1 },
  {
    name: 'auth create --write-bucket',
    args: (s) => ['auth', 'create', '--org', CAST.org, '--description', 'writer', '--write-bucket', known(s.ids, `bucket:${CAST.bucket}`), '--json'],
    status: 0,
    learn: learnAuth('writer'),
  },
  { name: 'auth create (no permission)', args: () => ['auth', 'create', '--org', CAST.org], status: 1 },
  { name: 'auth create (unknown org)', args: () => ['auth', 'create', '--org', 'no-such-org', '--read-buckets'], status: 1 },
  { name: 'auth list (table)', args: () => ['auth', 'list'], status: 0 },
  { name: 'auth list --json', args: () => ['auth', 'list', '--json'], status: 0 },
  { name: 'auth list --user member --json', args: () => ['auth', 'list', '--user', CAST.member, '--json'], status: 0 },
  { name: 'auth list --id --json', args: (s) => ['auth', 'list', '--id', known(s.ids, 'writer'), '--json'], status: 0 },
  { name: 'write with the write token (its bucket, by name)', args: (s) => ['write', `--token=${known(s.tokens, 'writer')}`, '-o', CAST.org, '-b', CAST.bucket, line], status: 0 },
  { name: 'write with the write token (its bucket, by ID)', args: (s) => ['write', `--token=${known(s.tokens, 'writer')}`, '--bucket-id', known(s.ids, `bucket:${CAST.bucket}`), line], status: 0 },
  { name: 'write with the write token (another bucket)', args: (s) => ['write', `--token=${known(s.tokens, 'writer')}`, '--bucket-id', known(s.ids, 'bucket:second'), line], status: 1 },
  { name: 'write with a read token', args: (s) => ['write', `--token=${known(s.tokens, 'seed-read')}`, '--bucket-id', known(s.ids, `bucket:${CAST.bucket}`), line], status: 1 },
  { name: 'write a malformed line', args: (s) => ['write', `--token=${known(s.tokens, 'writer')}`, '--bucket-id', known(s.ids, `bucket:${CAST.bucket}`), 'cpu usage=1 notatime'], status: 1 },
  { name: 'auth inactive', args: (s) => ['auth', 'inactive', '-i', known(s.ids, 'writer')], status: 0, setsActive: true },
  { name: 'auth list --id (inactive)', args: (s) => ['auth', 'list', '--id', known(s.ids, 'writer'), '--json'], status: 0, setsActive: true },
  { name: 'write with the inactive token', args: (s) => ['write', `--token=${known(s.tokens, 'writer')}`, '--bucket-id', known(s.ids, `bucket:${CAST.bucket}`), line], status: 1, setsActive: true },
  { name: 'auth active', args: (s) => ['auth', 'active', '-i', known(s.ids, 'writer')], status: 0, setsActive: true },
  { name: 'write with the reactivated token', args: (s) => ['write', `--token=${known(s.tokens, 'writer')}`, '--bucket-id', known(s.ids, `bucket:${CAST.bucket}`), line], status: 0, setsActive: true },
  { name: 'auth inactive (unknown ID)', args: () => ['auth', 'inactive', '-i', '0000000000000bad'], status: 1, setsActive: true },
  { name: 'auth delete --json', args: (s) => ['auth', 'delete', '-i', known(s.ids, 'writer'), '--json'], status: 0 },
  { name: 'auth delete (already deleted)', args: (s) => ['auth', 'delete', '-i', known(s.ids, 'writer')], status: 1 },
  { name: 'write with the deleted token', args: (s) => ['write', `--token=${known(s.tokens, 'writer')}`, '--bucket-id', known(s.ids, `bucket:${CAST.bucket}`), line], status: 1 },
  { name: 'auth list --json (after delete)', args: () => ['auth', 'list', '--json'], status: 0 },
]

/** Runs every step in order against one server; a step whose command cannot be built is recorded as such. */
export async function runScenario(cli: InfluxCli & { canSetActive: boolean }, url: string): Promise<StepResult[]> {
  const state: ScenarioState = { url, names: new Names(), ids: {}, tokens: {} }
  const results: StepResult[] = []
  for (const step of STEPS) {
    if (step.setsActive && !cli.canSetActive) continue
    const args = step.args(state)
    const raw = await cli.run(args)
    if (raw.status === 0 && step.learn) step.learn(JSON.parse(raw.stdout), state)
    const shown = args.map((arg) => (arg === url ? '<url>' : state.names.normalise(arg, url)))
    results.push({ step: step.name, command: `influx ${shown.join(' ')}`, outcome: normaliseOutcome(state.names, url, raw), raw })
  }
  return results
}
