/**
 * The Generate dialog's previews, run for real: for representative dialog states, the request the
 * dialog's Save would POST is built with the app's own builders, and its `influx auth create`
 * preview is executed by the real CLI and its curl preview by curl, against the embedded server
 * (and a real influxd, when one is built). Each created token must hold, as a set, the permissions
 * (and the owner) of the token Save creates.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuthorizationPostRequest, Permission } from '@/api/contract'
import { curlCommand, influxAuthCreateCommand } from '@/features/tokens/lib/commands'
import { buildCustomPermissions } from '@/features/tokens/lib/permissions'
import { buildAllAccessPermissions, buildOperatorPermissions, permissionKey } from '@/api/permission-sets'
import { readWritePermissions } from '@/features/tokens/lib/read-write-form'
import { influxdPath, startInfluxd } from '../../../scripts/oracle/influxd.ts'
import { CHILD_ADMIN, startChildServer } from '../child-server.ts'
import { type InfluxCli, influxCliPath, makeCli } from './cli-run.ts'
import { runCurl, shellWords } from './cli-shell.ts'

const binary = influxCliPath()
if (!binary) console.log('cli-previews.oracle: skipped, the influx CLI is not built (run `npm run oracle:build`)')
if (!influxdPath()) console.log('cli-previews.oracle: a real influxd is not built; the previews run against the embedded server only')

/** A set-up server and its operator's sign-in; org, bucket and user names as the dialogs see them. */
interface Target {
  url: string
  token: string
  org: string
  bucket: string
  username: string
  stop(): Promise<void>
}

async function startEmbedded(): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), 'influx-cli-previews-'))
  const child = await startChildServer(dataDir)
  return {
    url: child.url,
    ...CHILD_ADMIN,
    stop: async () => {
      await child.stop('SIGTERM')
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

const TARGETS = [
  { name: 'the embedded server', start: startEmbedded, built: true },
  { name: 'a real influxd', start: startInfluxd, built: influxdPath() !== null },
]

interface Created {
  id: string
  userID: string
  permissions: Permission[]
}

interface Cast {
  orgID: string
  meID: string
  memberID: string
  telemetry: { id: string; name: string }
  second: { id: string; name: string }
  resourceTypes: string[]
}

const MEMBER = 'member'

/** The dialog states, each as the request its Save would POST (built as the dialogs build it). */
function dialogStates(cast: Cast, orgName: string): Array<{ name: string; request: AuthorizationPostRequest; userName?: string }> {
  const buckets = [cast.telemetry, cast.second].map((b) => ({ ...b, orgID: cast.orgID, type: 'user' as const }))
  const readWrite = (read: string[] | 'all', write: string[] | 'all', description: string) =>
    ({
      orgID: cast.orgID,
      description,
      permissions: readWritePermissions(
        {
          read: read === 'all' ? { mode: 'all', bucketIDs: [] } : { mode: 'scoped', bucketIDs: read },
          write: write === 'all' ? { mode: 'all', bucketIDs: [] } : { mode: 'scoped', bucketIDs: write },
        },
        cast.orgID,
        buckets,
      ),
    }) satisfies AuthorizationPostRequest
  const custom = (userID: string, types: Record<string, { read: boolean; write: boolean }>) =>
    buildCustomPermissions(
      { orgID: cast.orgID, orgName, userID },
      { types, bucketRead: [], bucketWrite: [cast.second] },
    )
  const scoped = readWrite([cast.telemetry.id, cast.second.id], [cast.telemetry.id], 'scoped read/write')
  return [
    { name: 'Read/Write, scoped', request: scoped },
    { name: 'Read/Write, All Buckets', request: readWrite('all', 'all', 'all buckets') },
    { name: 'Read/Write, All Buckets read, one bucket write', request: readWrite('all', [cast.second.id], "it's mixed") },
    {
      name: 'Custom',
      request: {
        orgID: cast.orgID,
        description: 'custom',
        permissions: custom(cast.meID, {
          buckets: { read: true, write: false },
          dashboards: { read: true, write: false },
          tasks: { read: true, write: true },
          telegrafs: { read: true, write: false },
        }),
      },
    },
    { name: 'Read/Write, another owner', request: { ...scoped, userID: cast.memberID }, userName: MEMBER },
    {
      name: 'All-Access',
      request: { orgID: cast.orgID, description: 'all access', permissions: buildAllAccessPermissions(cast.resourceTypes, cast.orgID, cast.meID) },
    },
    {
      name: 'All-Access, another owner',
      request: {
        orgID: cast.orgID,
        userID: cast.memberID,
        description: 'all access for the member',
        permissions: buildAllAccessPermissions(cast.resourceTypes, cast.orgID, cast.memberID),
      },
      userName: MEMBER,
    },
    { name: 'Operator', request: { orgID: cast.orgID, description: 'operator', permissions: buildOperatorPermissions(cast.resourceTypes) } },
  ]
}

const keys = (permissions: Permission[]) => [...new Set(permissions.map(permissionKey))].sort()

for (const target of TARGETS) {
  describe.skipIf(!binary || !target.built)(`the Generate dialog's previews, run with the real influx CLI and curl against ${target.name}`, () => {
    let server: Target
    let cli: InfluxCli
    let cast: Cast

    async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: `Token ${server.token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const text = await res.text()
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`)
      return JSON.parse(text) as T
    }

    beforeAll(async () => {
      server = await target.start()
      const org = (await api<{ orgs: Array<{ id: string }> }>('GET', `/api/v2/orgs?org=${server.org}`)).orgs[0]
      const me = (await api<{ users: Array<{ id: string }> }>('GET', `/api/v2/users?name=${server.username}`)).users[0]
      if (!org || !me) throw new Error('the child server is not set up')
      const buckets = await api<{ buckets: Array<{ id: string; name: string }> }>('GET', `/api/v2/buckets?orgID=${org.id}&name=${server.bucket}`)
      const telemetry = buckets.buckets[0]
      if (!telemetry) throw new Error('no telemetry bucket')
      const second = await api<{ id: string; name: string }>('POST', '/api/v2/buckets', { orgID: org.id, name: 'second', retentionRules: [] })
      const member = await api<{ id: string }>('POST', '/api/v2/users', { name: MEMBER })
      await api('POST', `/api/v2/orgs/${org.id}/members`, { id: member.id })
      const resourceTypes = await api<string[]>('GET', '/api/v2/resources')
      cast = { orgID: org.id, meID: me.id, memberID: member.id, telemetry, second, resourceTypes }

      cli = makeCli(binary ?? '')
      const config = await cli.run(['config', 'create', '-n', 'preview', '-u', server.url, '-t', server.token, '-o', server.org, '-a'])
      if (config.status !== 0) throw new Error(`influx config create failed: ${config.stderr}`)
    })

    afterAll(async () => {
      cli?.dispose()
      await server?.stop()
    })

    it('has a CLI preview for every state that the real CLI runs, creating the token Save creates', async () => {
      const rows: string[] = []
      const failures: string[] = []
      for (const state of dialogStates(cast, server.org)) {
        const saved = await api<Created>('POST', '/api/v2/authorizations', state.request)
        const preview = influxAuthCreateCommand(state.request, { orgName: server.org, userName: state.userName ?? server.username, resourceTypes: cast.resourceTypes })
        const gaps = preview.split('\n').filter((line) => line.startsWith('# not expressible'))
        const words = await shellWords(preview)
        const run = await cli.run([...words, '--json'])
        if (run.status !== 0) {
          failures.push(`${state.name}: the CLI exited ${run.status}: ${run.stderr}\n${preview}`)
          continue
        }
        const created = await api<Created>('GET', `/api/v2/authorizations/${(JSON.parse(run.stdout) as { id: string }).id}`)
        const same = JSON.stringify(keys(created.permissions)) === JSON.stringify(keys(saved.permissions)) && created.userID === saved.userID
        rows.push(`${same ? 'same     ' : 'DIFFERENT'} ${state.name}: influx ${words.join(' ')}`)
        if (gaps.length > 0) failures.push(`${state.name}: the preview says ${gaps.join('; ')}`)
        if (!same) {
          failures.push(
            `${state.name}: ${preview}\n  CLI owner ${created.userID}, Save owner ${saved.userID}\n  CLI:  ${keys(created.permissions).join(' ')}\n  Save: ${keys(saved.permissions).join(' ')}`,
          )
        }
      }
      console.log(rows.join('\n'))
      expect(failures, failures.join('\n\n')).toEqual([])
    })

    it('has a curl preview for every state that curl runs, creating the token Save creates', async () => {
      for (const state of dialogStates(cast, server.org)) {
        const saved = await api<Created>('POST', '/api/v2/authorizations', state.request)
        const created = JSON.parse(await runCurl(curlCommand(state.request, server.url), server.token)) as Created
        expect({ state: state.name, userID: created.userID, permissions: keys(created.permissions) }).toEqual({
          state: state.name,
          userID: saved.userID,
          permissions: keys(saved.permissions),
        })
      }
    })

    it('marks what the CLI cannot express instead of emitting a flag for it', async () => {
      // A Custom token with the users row: the dialog grants users by the owner's ID, the CLI only globally.
      const request: AuthorizationPostRequest = {
        orgID: cast.orgID,
        permissions: buildCustomPermissions(
          { orgID: cast.orgID, orgName: server.org, userID: cast.meID },
          { types: { users: { read: true, write: false } }, bucketRead: [], bucketWrite: [] },
        ),
      }
      const preview = influxAuthCreateCommand(request, { orgName: server.org, resourceTypes: cast.resourceTypes })
      expect(preview.split('\n').slice(1)).toEqual([`# not expressible with influx auth create: users read (id ${cast.meID})`])
      // What the preview does show is a command the CLI accepts (it refuses it for having no permission at all).
      const run = await cli.run(await shellWords(preview))
      expect(run.stderr).toContain('400 Bad Request')
    })
  })
}
