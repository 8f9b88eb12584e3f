import { createHmac, randomBytes } from 'node:crypto'
import { chmodSync, closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs'
import { join } from 'node:path'

export const SECRET_FILE = 'secret.key'
const SECRET_BYTES = 32

/**
 * Creates the data directory readable by its owner only, and tightens it if it already exists:
 * it holds the token hashes, the password hashes and the secret that keys the token hashes.
 */
export function prepareDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  chmodSync(dataDir, 0o700)
}

/**
 * Creates the database file 0600 before SQLite opens it: SQLite gives its -wal and -shm files the
 * database file's mode. Files of an older installation are tightened too.
 */
export function restrictDatabaseFiles(file: string): void {
  closeSync(openSync(file, 'a', 0o600))
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) chmodSync(file + suffix, 0o600)
  }
}

/**
 * The installation's secret (32 random bytes in DATA_DIR/secret.key, 0600), created on first start.
 * `required` (a database whose token hashes are already keyed): a missing secret is an error,
 * since a new one would silently invalidate every token.
 */
export function loadSecret(dataDir: string, required: boolean): Buffer {
  const path = join(dataDir, SECRET_FILE)
  if (existsSync(path)) {
    chmodSync(path, 0o600)
    const secret = readFileSync(path)
    if (secret.length !== SECRET_BYTES) throw new Error(`${path} must hold ${SECRET_BYTES} bytes; it holds ${secret.length}`)
    return secret
  }
  if (required) {
    throw new Error(`${path} is missing: the stored tokens cannot be checked without it (restore it from the backup of this data directory)`)
  }
  // Written whole under another name, flushed, then linked into place: a crash never leaves a
  // short secret.key, and the migration that keys the hashes only runs once it is on disk.
  const secret = randomBytes(SECRET_BYTES)
  const partial = `${path}.${process.pid}.tmp`
  const fd = openSync(partial, 'wx', 0o600)
  try {
    writeSync(fd, secret)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  try {
    linkSync(partial, path)
  } finally {
    unlinkSync(partial)
  }
  const dir = openSync(dataDir, 'r')
  try {
    fsyncSync(dir)
  } finally {
    closeSync(dir)
  }
  return secret
}

/**
 * What is stored for a token: HMAC-SHA-256, keyed with the installation's secret, of the token's
 * SHA-256. A stolen database file alone no longer lets anyone test a guessed token offline, and
 * the unkeyed hashes of older databases can be converted without knowing the tokens.
 */
export function keyedTokenHash(secret: Buffer, tokenSha256: string): string {
  return createHmac('sha256', secret).update(tokenSha256, 'utf8').digest('hex')
}
