import { existsSync, readdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DATABASE_FILE } from '../server/db/connection.ts'
import { openStore } from '../server/db/store.ts'
import { seedScale } from './scale-fixture.ts'

// `npm run seed:scale -- --tokens 10000 --buckets 10000 [--data-dir DIR] [--seed N] [--force]`
const { values } = parseArgs({
  options: {
    tokens: { type: 'string', default: '10000' },
    buckets: { type: 'string', default: '10000' },
    'data-dir': { type: 'string', default: './data-scale' },
    seed: { type: 'string', default: '1' },
    force: { type: 'boolean', default: false },
  },
})

function count(name: string, text: string): number {
  const n = Number(text)
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${text}"`)
  return n
}

const tokens = count('tokens', values.tokens)
const buckets = count('buckets', values.buckets)
const seed = count('seed', values.seed)
const dataDir = resolve(values['data-dir'])

if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
  if (!values.force) {
    console.error(`${dataDir} is not empty; pass --force to replace its database.`)
    process.exit(1)
  }
  // Only the database files: anything else in the directory is not ours to delete.
  for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, DATABASE_FILE + suffix), { force: true })
}

const started = performance.now()
const store = openStore(dataDir)
try {
  const result = await seedScale(store, { tokens, buckets, seed })
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(`Seeded ${result.tokens} tokens and ${result.buckets} buckets into ${dataDir} in ${seconds}s`)
  console.log(`Sign in as ${result.username} / ${result.password} (org "${result.org}")`)
  console.log(`Serve it with: DATA_DIR=${dataDir} npm start`)
} finally {
  store.db.close()
}
