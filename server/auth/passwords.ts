import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'
import { invalid } from '../http/errors.ts'

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>

// Stored as `scrypt$N$r$p$salt$hash` so the cost can change later without breaking old hashes.
const COST = { N: 16384, r: 8, p: 1 }
const KEY_LENGTH = 32

/** InfluxDB's rule: passwords are 8 to 72 characters. */
export function validatePassword(password: string): void {
  if (password.length < 8 || password.length > 72) throw invalid('passwords must be between 8 and 72 characters long')
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const hash = await scryptAsync(password, salt, KEY_LENGTH, { ...COST, maxmem: 64 * 1024 * 1024 })
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), hash.toString('base64')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  })
  return timingSafeEqual(actual, expected)
}

let dummyHash: Promise<string> | undefined

/**
 * Checks a sign-in password. With no stored hash (unknown user, or no password set) it still runs
 * one scrypt against a throwaway hash, so the answer takes as long as for a wrong password and
 * does not tell which user names exist.
 */
export async function checkSigninPassword(password: string, stored: string | null): Promise<boolean> {
  dummyHash ??= hashPassword(randomBytes(16).toString('base64'))
  const matches = await verifyPassword(password, stored ?? (await dummyHash))
  return stored !== null && matches
}
