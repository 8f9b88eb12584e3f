import type { IncomingMessage } from 'node:http'
import { isIP } from 'node:net'
import type { Context } from 'hono'

/** `::ffff:10.0.0.1` and `10.0.0.1` are the same client. */
export function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  return (mapped?.[1] ?? address).toLowerCase()
}

/** The TCP peer of the request; undefined under `app.request()`, which has no socket. */
export function peerAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: IncomingMessage } | undefined
  const address = env?.incoming?.socket.remoteAddress
  return address === undefined ? undefined : normalizeAddress(address)
}

/** Whether the request came straight from a proxy named in TRUSTED_PROXIES. */
export function fromTrustedProxy(c: Context, trustedProxies: ReadonlySet<string>): boolean {
  const peer = peerAddress(c)
  return peer !== undefined && trustedProxies.has(peer)
}

/**
 * The client's address. `X-Forwarded-For` is believed only from a trusted proxy, and only as far
 * back as the chain passes through trusted proxies: anything further left was written by the
 * client, who can put any address there.
 */
export function clientAddress(c: Context, trustedProxies: ReadonlySet<string>): string {
  let address = peerAddress(c)
  if (address === undefined) return 'unknown'
  const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((a) => a.trim()).filter((a) => a !== '')
  while (trustedProxies.has(address)) {
    const next = forwarded.pop()
    if (next === undefined || isIP(next) === 0) break
    address = normalizeAddress(next)
  }
  return address
}

const lastEntry = (value: string | undefined) => value?.split(',').pop()?.trim() || undefined

/**
 * The scheme and host the browser used: this server's own, or, behind a trusted proxy, those the
 * proxy names in X-Forwarded-Proto and X-Forwarded-Host.
 */
export function publicOrigin(c: Context, trustedProxies: ReadonlySet<string>): { protocol: string; host: string } {
  const url = new URL(c.req.url)
  const own = { protocol: url.protocol.replace(/:$/, ''), host: url.host }
  if (!fromTrustedProxy(c, trustedProxies)) return own
  return {
    protocol: lastEntry(c.req.header('x-forwarded-proto')) ?? own.protocol,
    host: lastEntry(c.req.header('x-forwarded-host')) ?? own.host,
  }
}
