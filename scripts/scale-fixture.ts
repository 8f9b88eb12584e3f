import { type Permission, allAccessPermissions, permission } from '../server/auth/permissions.ts'
import type { Status } from '../server/domain.ts'
import type { Store } from '../server/db/store.ts'
import { setup } from '../server/services/setup.ts'
import { createBucket, createUser, insertAuthorization } from '../server/services/tenant.ts'

export interface ScaleOptions {
  tokens: number
  buckets: number
  seed: number
}

export interface ScaleResult {
  username: string
  password: string
  org: string
  orgID: string
  /** The setup user's operator token, for load tests that must not sign in. */
  operatorToken: string
  tokens: number
  buckets: number
}

export const SCALE_USERNAME = 'admin'
export const SCALE_PASSWORD = 'scale-password'
export const SCALE_ORG = 'scale-org'
const SERVICE_USERS = 12
const DAY = 86400

const REGIONS = ['eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2', 'ap-northeast-1', 'ap-southeast-2', 'sa-east-1', 'ca-central-1']
const SERVICES = [
  'telemetry', 'billing', 'payments', 'iot-sensors', 'k8s-metrics', 'app-logs', 'edge-gateways', 'fleet',
  'energy-meters', 'weather', 'cdn', 'queue-depth', 'api-latency', 'inventory', 'security-audit', 'ml-training',
]
const ENVS = ['prod', 'staging', 'dev', 'qa']
const RETENTION_DAYS = [0, 1, 3, 7, 14, 30, 90, 365]
// Non-ASCII on purpose: accents, CJK, emoji and a right-to-left word, as real descriptions have.
const PURPOSES = [
  'Télégraf agent', 'Grafana dashboards', 'Zürich gateway', '日本 データ収集', 'Backup job 💾', 'CI pipeline 🚀',
  'Señal de sensores', 'Überwachung', 'Alerting (ops) ⚠️', 'Data lake export', 'Nightly rollup', 'Отчёты', 'تقارير', 'Edge collector',
]

/** A small, fast, seedable PRNG (mulberry32), so the same seed gives the same fixture shape. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Fills an empty store through the server's own services: setup, `buckets` buckets (including
 * the setup bucket), service users, and `tokens` tokens (including the operator token). A third
 * of the tokens are all-access, the rest read/write on 1–20 buckets (some org-wide), ~10% inactive.
 */
export async function seedScale(store: Store, options: ScaleOptions): Promise<ScaleResult> {
  const next = random(options.seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T
  const bucketName = (i: number) => `${pick(SERVICES)}-${pick(ENVS)}-${pick(REGIONS)}-${String(i).padStart(5, '0')}`

  const { user: admin, org, token: operatorToken } = await setup(store, {
    username: SCALE_USERNAME,
    password: SCALE_PASSWORD,
    org: SCALE_ORG,
    bucket: bucketName(0),
  })
  store.db.transaction(() => {
    const bucketIDs: string[] = []
    for (let i = 1; i < options.buckets; i++) {
      const name = bucketName(i)
      const description = next() < 0.3 ? `${pick(PURPOSES)} — ${name}` : undefined
      bucketIDs.push(createBucket(store, { orgID: org.id, name, description, retentionSeconds: pick(RETENTION_DAYS) * DAY }).id)
    }
    // Tokens are spread over the admin and a few service accounts, all org members.
    const owners = [admin.id]
    for (let i = 1; i <= SERVICE_USERS; i++) {
      const user = createUser(store, { name: `svc-${pick(SERVICES)}-${i}` })
      store.memberships.insert(user.id, { resourceType: 'orgs', resourceID: org.id, role: 'member' })
      owners.push(user.id)
    }
    const onBuckets = (action: 'read' | 'write', count: number): Permission[] => {
      if (bucketIDs.length === 0 || next() < 0.1) return [permission(action, 'buckets', { orgID: org.id })]
      const ids = new Set<string>()
      while (ids.size < Math.min(count, bucketIDs.length)) ids.add(pick(bucketIDs))
      return [...ids].map((id) => permission(action, 'buckets', { orgID: org.id, id }))
    }

    // The operator token from setup is the first of `tokens`.
    for (let i = 1; i < options.tokens; i++) {
      const userID = next() < 0.5 ? admin.id : pick(owners)
      const allAccess = i % 3 === 0
      const permissions = allAccess
        ? allAccessPermissions(org.id, userID)
        : [...onBuckets('read', 1 + Math.floor(next() * 20)), ...(next() < 0.7 ? onBuckets('write', 1 + Math.floor(next() * 20)) : [])]
      const status: Status = next() < 0.1 ? 'inactive' : 'active'
      const description = next() < 0.03 ? '' : `${pick(PURPOSES)} · ${pick(SERVICES)} ${pick(ENVS)} ${pick(REGIONS)} #${i}`
      insertAuthorization(store, { orgID: org.id, userID, permissions, description, status })
    }
  })
  return {
    username: SCALE_USERNAME,
    password: SCALE_PASSWORD,
    org: SCALE_ORG,
    orgID: org.id,
    operatorToken,
    tokens: Math.max(options.tokens, 1),
    buckets: Math.max(options.buckets, 1),
  }
}
