import { queryOptions } from '@tanstack/react-query'
import { listOrgs } from '@/api/orgs'
import { getMe, getSetup } from '@/api/session'

/** InfluxDB's UI re-checks the session on a timer, so an expired one is noticed without a click. */
const SESSION_CHECK_MS = 60_000

export const sessionQueries = {
  all: () => ['session'] as const,
  setup: () => queryOptions({ queryKey: [...sessionQueries.all(), 'setup'], queryFn: getSetup }),
  me: () =>
    queryOptions({
      queryKey: [...sessionQueries.all(), 'me'],
      queryFn: getMe,
      refetchInterval: SESSION_CHECK_MS,
    }),
  orgs: () =>
    queryOptions({
      queryKey: [...sessionQueries.all(), 'orgs'],
      queryFn: async () => (await listOrgs()).orgs,
    }),
}

/** Only same-site paths may be returned to after sign-in: never another origin. */
export function safeReturnTo(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/'
  if (value.startsWith('/signin') || value.startsWith('/setup')) return '/'
  return value
}

export function tokensPath(orgID: string): string {
  return `/orgs/${encodeURIComponent(orgID)}/load-data/tokens`
}
