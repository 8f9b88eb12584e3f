import { createHash, randomBytes } from 'node:crypto'
import { idError } from '../src/api/id.ts'
import { invalid } from './http/errors.ts'

// Snowflake layout used by InfluxDB for users and authorizations (docs/influxdb-behaviour.md, Tokens and IDs):
// 42 bits of milliseconds since 2017-04-09, a 10-bit machine id, a 12-bit sequence.
const SNOWFLAKE_EPOCH = 1491696000000n
const machineId = BigInt(randomBytes(2).readUInt16BE(0) & 0x3ff)
let lastMillis = 0n
let sequence = 0n

const toHex = (n: bigint) => n.toString(16).padStart(16, '0')

/** A time-ordered ID (users, authorizations). */
export function snowflakeId(): string {
  let millis = BigInt(Date.now()) - SNOWFLAKE_EPOCH
  if (millis <= lastMillis) {
    // Same (or earlier, if the clock stepped back) millisecond: keep counting so IDs stay increasing.
    millis = lastMillis
    sequence = (sequence + 1n) & 0xfffn
    if (sequence === 0n) millis += 1n
  } else {
    sequence = 0n
  }
  lastMillis = millis
  return toHex((millis << 22n) | (machineId << 12n) | sequence)
}

// Bytes that InfluxDB bumps by one so the ID is safe inside line-protocol measurement names.
const unsafeBytes = new Set([0x5c, 0x2c, 0x20])

/** A random ID (orgs, buckets). */
export function randomId(): string {
  for (;;) {
    const bytes = randomBytes(8)
    for (let i = 0; i < bytes.length; i++) {
      if (unsafeBytes.has(bytes[i] ?? 0)) bytes[i] = (bytes[i] ?? 0) + 1
    }
    const hex = bytes.toString('hex')
    if (hex !== '0000000000000000') return hex
  }
}

/** Parse an ID like InfluxDB's IDFromString: 16 hex characters, non-zero; output lowercase. */
export function parseId(value: string): string {
  const error = idError(value)
  if (error) throw invalid(error)
  return value.toLowerCase()
}

export const isValidId = (value: string): boolean => idError(value) === undefined

/** 64 random bytes, base64url with padding: 88 characters, like InfluxDB's tokens and session keys. */
export function newToken(): string {
  return randomBytes(64).toString('base64').replace(/\+/g, '-').replace(/\//g, '_')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

// Timestamps: Go's RFC 3339 with nanoseconds in UTC. Sub-millisecond digits come from the
// monotonic clock; the value is forced to increase so createdAt/updatedAt order is stable.
const wallAtStart = BigInt(Date.now()) * 1_000_000n
const monoAtStart = process.hrtime.bigint()
let lastNanos = 0n

export function nowNanos(): bigint {
  let nanos = wallAtStart + (process.hrtime.bigint() - monoAtStart)
  if (nanos <= lastNanos) nanos = lastNanos + 1n
  lastNanos = nanos
  return nanos
}

export function formatTimestamp(nanos: bigint): string {
  const millis = Number(nanos / 1_000_000n)
  const fraction = (nanos % 1_000_000_000n).toString().padStart(9, '0')
  return new Date(millis).toISOString().slice(0, 19) + '.' + fraction + 'Z'
}

export function timestamp(): string {
  return formatTimestamp(nowNanos())
}
