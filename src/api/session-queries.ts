import { queryOptions } from '@tanstack/react-query'
import { listOrgs } from '@/api/orgs'
import { getMe, getSetup, getTokenSession } from '@/api/session'
import { rememberSession } from '@/lib/session-tabs'

/** InfluxDB's UI re-checks the session on a timer, so an expired one is noticed without a click. */
const SESSION_CHECK_MS = 60_000

export const sessionQueries = {
  all: () => ['session'] as const,
  setup: () => queryOptions({ queryKey: [...sessionQueries.all(), 'setup'], queryFn: getSetup }),
  me: () =>
    queryOptions({
      queryKey: [...sessionQueries.all(), 'me'],
      queryFn: async () => {
        const me = await getMe()
        rememberSession()
        return me
      },
      refetchInterval: SESSION_CHECK_MS,
    }),
  /** null for a password session; what a token session may do otherwise. */
  tokenSession: () => queryOptions({ queryKey: [...sessionQueries.all(), 'token'], queryFn: getTokenSession, staleTime: Infinity }),
  orgs: () =>
    queryOptions({
      queryKey: [...sessionQueries.all(), 'orgs'],
      queryFn: async () => (await listOrgs()).orgs,
    }),
}
