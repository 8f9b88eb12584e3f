import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildApp } from '../app.ts'
import { SECRET_FILE, keyedTokenHash } from '../db/at-rest.ts'
import { DATABASE_FILE } from '../db/connection.ts'
import { openStore } from '../db/store.ts'
import { hashToken } from '../ids.ts'
import { call, setUp } from './helpers.ts'

const mode = (path: string) => statSync(path).mode & 0o777

describe('data at rest', () => {
  let root: string
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'influx-tokens-at-rest-'))
  })
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  /** Sets up a server in `dataDir`, writes a point (so the WAL and shared memory exist) and returns its operator token. */
  async function setUpIn(dataDir: string) {
    const server = buildApp({ dataDir })
    const s = await setUp(server.app)
    expect((await call(server.app, 'POST', '/api/v2/write?org=acme&bucket=telemetry', { as: s.operator, raw: 'm v=1' })).status).toBe(204)
    return { ...server, token: s.operator.token! }
  }

  it('creates DATA_DIR 0700 and the database files and the secret 0600, whatever the umask', async () => {
    const dataDir = join(root, 'new', 'data')
    const old = process.umask(0o002)
    try {
      const server = await setUpIn(dataDir)
      try {
        expect(mode(dataDir)).toBe(0o700)
        for (const name of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, SECRET_FILE]) {
          expect(mode(join(dataDir, name)).toString(8), name).toBe('600')
        }
        expect(readFileSync(join(dataDir, SECRET_FILE))).toHaveLength(32)
        expect(readdirSync(dataDir).filter((name) => name.endsWith('.tmp'))).toEqual([])
      } finally {
        server.close()
      }
    } finally {
      process.umask(old)
    }
  })

  it('tightens the directory and files of an older installation', async () => {
    const dataDir = join(root, 'data')
    mkdirSync(dataDir, { mode: 0o755 })
    chmodSync(dataDir, 0o755)
    writeFileSync(join(dataDir, DATABASE_FILE), '')
    chmodSync(join(dataDir, DATABASE_FILE), 0o644)
    openStore(dataDir).db.close()
    expect(mode(dataDir)).toBe(0o700)
    expect(mode(join(dataDir, DATABASE_FILE))).toBe(0o600)
  })

  it('stores a keyed hash, not SHA-256(token), and the token works', async () => {
    const dataDir = join(root, 'data')
    const server = await setUpIn(dataDir)
    try {
      const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true })
      const stored = (db.prepare('SELECT token_hash FROM authorizations').pluck().all() as string[])
      db.close()
      const secret = readFileSync(join(dataDir, SECRET_FILE))
      expect(stored).toEqual([keyedTokenHash(secret, hashToken(server.token))])
      expect(stored).not.toContain(hashToken(server.token))
      expect((await call(server.app, 'GET', '/api/v2/me', { as: { token: server.token } })).status).toBe(200)
    } finally {
      server.close()
    }
  })

  it('converts the plain SHA-256 hashes of a version 2 database, and its tokens keep working', async () => {
    const dataDir = join(root, 'data')
    const first = await setUpIn(dataDir)
    first.close()
    // Back to what an older server left: plain hashes, schema version 2, no secret.
    const db = new Database(join(dataDir, DATABASE_FILE))
    db.prepare('UPDATE authorizations SET token_hash = ?').run(hashToken(first.token))
    db.pragma('user_version = 2')
    db.close()
    unlinkSync(join(dataDir, SECRET_FILE))

    const second = buildApp({ dataDir })
    try {
      expect((await call(second.app, 'GET', '/api/v2/me', { as: { token: first.token } })).status).toBe(200)
      const reopened = new Database(join(dataDir, DATABASE_FILE), { readonly: true })
      const stored = reopened.prepare('SELECT token_hash FROM authorizations').pluck().get()
      reopened.close()
      expect(stored).toBe(keyedTokenHash(readFileSync(join(dataDir, SECRET_FILE)), hashToken(first.token)))
    } finally {
      second.close()
    }
  })

  it('refuses to start when the secret of a keyed database is missing, instead of voiding every token', async () => {
    const dataDir = join(root, 'data')
    ;(await setUpIn(dataDir)).close()
    unlinkSync(join(dataDir, SECRET_FILE))
    expect(() => openStore(dataDir)).toThrow(/secret\.key is missing/)
  })
})
