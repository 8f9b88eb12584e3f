import { isIP } from 'node:net'
import type { SetupRequest } from './services/setup.ts'

export interface Config {
  port: number
  host: string
  dataDir: string
  influxUrl?: string
  /** INFLUX_TIMEOUT: seconds to wait for the proxied InfluxDB's answer. */
  influxTimeoutSeconds: number
  /** API_ONLY=1: neither build nor serve the UI (fast start, e.g. for the crash and load tests). */
  apiOnly: boolean
  /** TRUSTED_PROXIES: the reverse proxies whose X-Forwarded-For and X-Forwarded-Host are believed. */
  trustedProxies: string[]
  /** REQUEST_TIMEOUT: seconds a client has to send a whole request. */
  requestTimeoutSeconds: number
  /** MAX_CONNECTIONS: open connections at once. */
  maxConnections: number
  /** From INFLUXDB_INIT_*: the setup to perform when the database is not set up yet. */
  init?: SetupRequest
}

function integer(name: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new Error(`${name} must be a whole number between ${min} and ${max}, got "${value}"`)
  }
  return Number(value)
}

/** A comma-separated list of IP addresses (no names: they would be resolved at each request). */
function addresses(name: string, value: string | undefined): string[] {
  const list = (value ?? '').split(',').map((a) => a.trim()).filter((a) => a !== '')
  const wrong = list.find((a) => isIP(a) === 0)
  if (wrong !== undefined) throw new Error(`${name} must list IP addresses separated by commas, got "${wrong}"`)
  return list
}

/** Reads the environment variables of the README's configuration table. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const config: Config = {
    port: integer('PORT', env.PORT || '8086', 0, 65535),
    host: env.HOST || '127.0.0.1',
    dataDir: env.DATA_DIR || './data',
    apiOnly: env.API_ONLY === '1',
    trustedProxies: addresses('TRUSTED_PROXIES', env.TRUSTED_PROXIES),
    influxTimeoutSeconds: integer('INFLUX_TIMEOUT', env.INFLUX_TIMEOUT || '30', 1, 3600),
    requestTimeoutSeconds: integer('REQUEST_TIMEOUT', env.REQUEST_TIMEOUT || '120', 10, 3600),
    maxConnections: integer('MAX_CONNECTIONS', env.MAX_CONNECTIONS || '1024', 1, 1_000_000),
  }
  if (env.INFLUX_URL) {
    const url = new URL(env.INFLUX_URL)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('INFLUX_URL must be an http(s) URL')
    config.influxUrl = url.toString()
  }
  if (env.INFLUXDB_INIT_USERNAME) {
    for (const name of ['INFLUXDB_INIT_ORG', 'INFLUXDB_INIT_BUCKET']) {
      if (!env[name]) throw new Error(`${name} is required when INFLUXDB_INIT_USERNAME is set`)
    }
    config.init = {
      username: env.INFLUXDB_INIT_USERNAME,
      password: env.INFLUXDB_INIT_PASSWORD || undefined,
      org: env.INFLUXDB_INIT_ORG ?? '',
      bucket: env.INFLUXDB_INIT_BUCKET ?? '',
      retentionSeconds: env.INFLUXDB_INIT_RETENTION
        ? integer('INFLUXDB_INIT_RETENTION', env.INFLUXDB_INIT_RETENTION, 0, Number.MAX_SAFE_INTEGER)
        : 0,
      token: env.INFLUXDB_INIT_ADMIN_TOKEN || undefined,
    }
  }
  return config
}
