import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../config.ts'
import { openStore } from '../db/store.ts'
import { initialSetup } from '../run.ts'

describe('configuration and INFLUXDB_INIT_* setup', () => {
  it('reads the environment with defaults', () => {
    expect(loadConfig({})).toEqual({ port: 8086, host: '127.0.0.1', dataDir: './data', apiOnly: false, trustedProxies: [], influxTimeoutSeconds: 30, requestTimeoutSeconds: 120, maxConnections: 1024 })
    expect(() => loadConfig({ REQUEST_TIMEOUT: '1' })).toThrow(/REQUEST_TIMEOUT/)
    expect(loadConfig({ TRUSTED_PROXIES: ' 10.0.0.1, ::1 ' }).trustedProxies).toEqual(['10.0.0.1', '::1'])
    expect(() => loadConfig({ TRUSTED_PROXIES: 'proxy.local' })).toThrow(/TRUSTED_PROXIES/)
    expect(loadConfig({ API_ONLY: '1' }).apiOnly).toBe(true)
    const config = loadConfig({
      PORT: '9999',
      INFLUX_URL: 'http://influx:8086',
      INFLUXDB_INIT_USERNAME: 'admin',
      INFLUXDB_INIT_PASSWORD: 'password123',
      INFLUXDB_INIT_ORG: 'acme',
      INFLUXDB_INIT_BUCKET: 'telemetry',
      INFLUXDB_INIT_RETENTION: '86400',
      INFLUXDB_INIT_ADMIN_TOKEN: 'my-token',
    })
    expect(config).toMatchObject({ port: 9999, influxUrl: 'http://influx:8086/' })
    expect(config.init).toEqual({ username: 'admin', password: 'password123', org: 'acme', bucket: 'telemetry', retentionSeconds: 86400, token: 'my-token' })
    expect(() => loadConfig({ PORT: 'x' })).toThrow(/PORT/)
    expect(() => loadConfig({ INFLUXDB_INIT_USERNAME: 'a' })).toThrow(/INFLUXDB_INIT_ORG/)
  })

  it('sets up a fresh database once and leaves a set-up one alone', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'influx-tokens-init-'))
    const log: string[] = []
    try {
      const env = { INFLUXDB_INIT_USERNAME: 'admin', INFLUXDB_INIT_PASSWORD: 'password123', INFLUXDB_INIT_ORG: 'acme', INFLUXDB_INIT_BUCKET: 'telemetry', INFLUXDB_INIT_ADMIN_TOKEN: 'chosen-token' }
      await initialSetup({ ...loadConfig(env), dataDir }, (line) => log.push(line))
      await initialSetup({ ...loadConfig({ ...env, INFLUXDB_INIT_ORG: 'other' }), dataDir }, (line) => log.push(line))
      expect(log).toEqual(['Set up user "admin", org "acme", bucket "telemetry".'])
      const store = openStore(dataDir)
      try {
        expect(store.orgs.all().map((o) => o.name)).toEqual(['acme'])
        expect(store.authorizations.list({})).toHaveLength(1)
      } finally {
        store.db.close()
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
