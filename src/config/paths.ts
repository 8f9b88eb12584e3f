export type SignInReason = 'expired' | 'signed-out'

/** Every route of the app, with the builders of its links: one place to read or change them. */
export const paths = {
  home: { pattern: '/', build: () => '/' },
  signIn: {
    pattern: '/signin',
    /** `reason` says why the user is asked to sign in again (the page tells them). */
    build: (returnTo?: string, reason?: SignInReason) => {
      const query = [returnTo && `returnTo=${encodeURIComponent(returnTo)}`, reason && `reason=${reason}`].filter(Boolean).join('&')
      return query ? `/signin?${query}` : '/signin'
    },
  },
  setup: { pattern: '/setup', build: () => '/setup' },
  // InfluxDB's own UI puts the tokens page here, so links into either app keep working.
  tokens: {
    pattern: '/orgs/:orgID/load-data/tokens',
    build: (orgID: string) => `/orgs/${encodeURIComponent(orgID)}/load-data/tokens`,
  },
  review: {
    pattern: '/orgs/:orgID/load-data/tokens/review',
    build: (orgID: string) => `/orgs/${encodeURIComponent(orgID)}/load-data/tokens/review`,
  },
} as const
