import { type Permission, allAccessPermissions, permission } from './auth/permissions.ts'
import type { Store } from './db/store.ts'
import { setup } from './services/setup.ts'
import { createBucket, insertAuthorization } from './services/tenant.ts'

export const DEMO_USER = 'demo'
export const DEMO_PASSWORD = 'demo-password'
const DAY = 86400

const BUCKETS: [name: string, retentionDays: number][] = [
  ['iot-sensors', 30], ['billing-events', 365], ['k8s-metrics', 14], ['app-logs', 7], ['web-analytics', 90],
  ['payments', 0], ['edge-gateways', 30], ['weather-stations', 180], ['fleet-tracking', 60], ['energy-meters', 365],
  ['ci-builds', 30], ['api-latency', 14], ['customer-events', 90], ['security-audit', 0], ['db-replication', 7],
  ['cdn-traffic', 30], ['mobile-crashes', 90], ['inventory', 0], ['ml-training', 30], ['synthetic-checks', 7],
  ['queue-depth', 3], ['factory-line-a', 30], ['factory-line-b', 30], ['smart-home', 60],
]

/**
 * Demo data through the same service code as the API: setup, 25 buckets, a mix of tokens. Answers
 * the org and the operator token setup created (for scripts that drive the demo).
 */
export async function seedDemo(store: Store): Promise<{ orgID: string; operatorToken: string }> {
  const { user, org, bucket, token } = await setup(store, {
    username: DEMO_USER,
    password: DEMO_PASSWORD,
    org: 'acme',
    bucket: 'telemetry',
    retentionSeconds: 30 * DAY,
  })
  store.db.transaction(() => {
    const ids = new Map([[bucket.name, bucket.id]])
    for (const [name, days] of BUCKETS) ids.set(name, createBucket(store, { orgID: org.id, name, retentionSeconds: days * DAY }).id)
    const on = (action: 'read' | 'write', name: string) => permission(action, 'buckets', { orgID: org.id, id: ids.get(name) })
    const tokens: [description: string, permissions: Permission[], active?: boolean][] = [
      ['All access for the ops team', allAccessPermissions(org.id, user.id)],
      ['Grafana dashboards (all access)', allAccessPermissions(org.id, user.id)],
      ['Telegraf on edge gateways', [on('write', 'edge-gateways'), on('write', 'iot-sensors')]],
      ['Billing exporter', [on('read', 'billing-events'), on('read', 'payments')]],
      ['K8s metrics writer', [on('write', 'k8s-metrics')]],
      ['Read all buckets', [permission('read', 'buckets', { orgID: org.id })]],
      ['Analytics notebook', [on('read', 'web-analytics'), on('read', 'customer-events'), on('write', 'ml-training')]],
      ['Old CI token (disabled)', [on('write', 'ci-builds')], false],
      ['Retired weather importer', [on('write', 'weather-stations'), on('read', 'weather-stations')], false],
    ]
    for (const [description, permissions, active = true] of tokens) {
      insertAuthorization(store, {
        orgID: org.id,
        userID: user.id,
        permissions,
        description,
        status: active ? 'active' : 'inactive',
      })
    }
  })
  return { orgID: org.id, operatorToken: token }
}
