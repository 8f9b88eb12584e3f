import { mkdtempSync, rmSync } from 'node:fs'
import { Agent } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import Database from 'better-sqlite3'
import { DATABASE_FILE } from '../db/connection.ts'
import { CHILD_ADMIN, httpRequest, startChildServer, tokenHeaders } from './child-server.ts'

export interface CrashFigures {
  killAfter: number
  delayMs: number
  /** Creations answered 201 before the process died: each must exist after the restart. */
  created: number
  /** Requests sent whose answer never came: each may or may not exist. */
  unanswered: number
  /** Answered tokens missing or not authenticating after the restart. */
  lost: number
  /** Stored tokens beyond the answered ones (must be ≤ unanswered). */
  extra: number
  /** Rows that are not exactly what a client asked for. */
  partial: number
  integrity: string
  /** Tokens or the admin password found in the server's own output (both runs). */
  leaked: number
}

const OPERATOR_DESCRIPTION = `${CHILD_ADMIN.username}'s Token`

/**
 * Starts the server as a child process on a fresh data directory, has `clients` concurrent
 * clients create tokens, SIGKILLs the server `delayMs` after `killAfter` creations were answered
 * 201 (0: at once, while ~15 requests are in flight; later: at an arbitrary point of the server's
 * work), restarts it on the same directory and checks what survived.
 */
export async function crashCycle(killAfter: number, delayMs = 0, clients = 16): Promise<CrashFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'influx-tokens-crash-'))
  const agent = new Agent({ keepAlive: true, maxSockets: clients })
  try {
    const server = await startChildServer(dataDir)
    const operator = tokenHeaders(CHILD_ADMIN.token)
    const found = await httpRequest(agent, `${server.url}/api/v2/buckets?name=${CHILD_ADMIN.bucket}`, { method: 'GET', headers: operator })
    const bucket = (JSON.parse(found.body) as { buckets: { id: string; orgID: string }[] }).buckets[0]
    if (!bucket) throw new Error(`no bucket: ${found.status} ${found.body}`)
    const permissions = [{ action: 'read', resource: { type: 'buckets', orgID: bucket.orgID, id: bucket.id } }]

    const created = new Map<string, { token: string; description: string }>()
    let sent = 0
    let answered = 0
    let killScheduled = false
    let killed = false
    const client = async (index: number) => {
      for (let n = 0; !killed; n++) {
        const description = `crash c${index} #${n}`
        sent++
        const res = await httpRequest(agent, `${server.url}/api/v2/authorizations`, {
          method: 'POST',
          headers: tokenHeaders(CHILD_ADMIN.token, true),
          body: JSON.stringify({ orgID: bucket.orgID, description, permissions }),
        })
        if (res.status === 0) return
        answered++
        if (res.status !== 201) throw new Error(`unexpected ${res.status}: ${res.body}`)
        const body = JSON.parse(res.body) as { id: string; token: string }
        created.set(body.id, { token: body.token, description })
        if (created.size >= killAfter && !killScheduled) {
          killScheduled = true
          const kill = () => {
            killed = true
            process.kill(server.pid, 'SIGKILL')
          }
          if (delayMs > 0) setTimeout(kill, delayMs)
          else kill()
        }
      }
    }
    await Promise.all(Array.from({ length: clients }, (_, i) => client(i)))
    await server.stop('SIGKILL')
    agent.destroy()
    let output = server.output()

    const restarted = await startChildServer(dataDir)
    const checker = new Agent({ keepAlive: true, maxSockets: clients })
    let lost = 0
    const entries = [...created]
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (let next = entries.pop(); next; next = entries.pop()) {
          const [id, { token, description }] = next
          const stored = await httpRequest(checker, `${restarted.url}/api/v2/authorizations/${id}`, { method: 'GET', headers: operator })
          const works = await httpRequest(checker, `${restarted.url}/api/v2/buckets/${bucket.id}`, { method: 'GET', headers: tokenHeaders(token) })
          const intact = stored.status === 200 && (JSON.parse(stored.body) as { description: string }).description === description
          if (!intact || works.status !== 200) lost++
        }
      }),
    )
    checker.destroy()
    await restarted.stop('SIGTERM')
    output += restarted.output()
    const secrets = [CHILD_ADMIN.token, CHILD_ADMIN.password, ...[...created.values()].map((c) => c.token)]
    const leaked = secrets.filter((secret) => output.includes(secret)).length

    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true })
    try {
      const integrity = (db.pragma('integrity_check', { simple: true }) as string) +
        ((db.pragma('foreign_key_check') as unknown[]).length ? ' (foreign keys broken)' : '')
      const rows = db.prepare('SELECT * FROM authorizations').all() as Record<string, string>[]
      const clientRows = rows.filter((r) => r.description !== OPERATOR_DESCRIPTION)
      const partial = clientRows.filter(
        (r) =>
          !/^crash c\d+ #\d+$/.test(r.description ?? '') ||
          !isDeepStrictEqual(JSON.parse(r.permissions ?? 'null'), permissions) ||
          !/^[0-9a-f]{64}$/.test(r.token_hash ?? '') ||
          r.status !== 'active' ||
          r.org_id !== bucket.orgID ||
          !r.created_at ||
          r.created_at !== r.updated_at,
      ).length + (rows.length - clientRows.length === 1 ? 0 : 1)
      return { killAfter, delayMs, created: created.size, unanswered: sent - answered, lost, extra: clientRows.length - created.size, partial, integrity, leaked }
    } finally {
      db.close()
    }
  } finally {
    agent.destroy()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export const describeCrash = (f: CrashFigures) =>
  `kill ${f.delayMs} ms after ${f.killAfter}: ${f.created} answered 201, ${f.unanswered} unanswered, ${f.lost} lost, ` +
  `${f.extra} extra, ${f.partial} partial, integrity ${f.integrity}, ${f.leaked} secrets in the server output`
