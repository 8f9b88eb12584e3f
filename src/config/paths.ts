/** Every route of the app, with the builders of its links: one place to read or change them. */
export const paths = {
  home: { pattern: '/', build: () => '/' },
  signIn: {
    pattern: '/signin',
    build: (returnTo?: string) => (returnTo ? `/signin?returnTo=${encodeURIComponent(returnTo)}` : '/signin'),
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
