import { useQueryClient } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import type { Organization, User } from '@/api/contract'
import { errorMessage } from '@/api/http'
import { signOut } from '@/api/session'
import { Button } from '@/components/ui/button'
import { toast } from '@/components/ui/toast'
import { paths } from '@/config/paths'
import { navigate } from '@/lib/router'
import { announceSignOut, forgetSession } from '@/lib/session-tabs'

/** The signed-in frame: product name, org switcher, user and Sign Out. */
export function AppShell({ orgID, orgs, me, children }: { orgID: string; orgs: Organization[]; me?: User; children: ReactNode }) {
  const queryClient = useQueryClient()
  const [signingOut, setSigningOut] = useState(false)

  async function handleSignOut() {
    setSigningOut(true)
    try {
      await signOut()
    } catch (error) {
      // The session may already be gone on the server; leaving is still right.
      if (!(error instanceof Error) || !/unauthorized/i.test(error.message)) toast.error(`Sign out: ${errorMessage(error)}`)
    }
    forgetSession()
    announceSignOut()
    queryClient.clear()
    navigate(paths.signIn.build(), { replace: true })
  }

  return (
    <div className="min-h-screen">
      <header className="border-b border-border bg-raised">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
          <a href={paths.home.build()} className="flex items-center gap-2 text-sm font-semibold">
            <img src="/favicon.svg" alt="" className="size-6" />
            InfluxDB Tokens
          </a>
          {orgs.length > 1 && (
            <label className="flex items-center gap-2 text-sm">
              <span className="text-muted">Organization</span>
              <select
                className="h-8 rounded-md border border-border bg-raised px-2 text-sm"
                value={orgID}
                onChange={(event) => navigate(paths.tokens.build(event.target.value))}
              >
                {orgs.map((org) => (
                  <option key={org.id} value={org.id}>
                    {org.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <div className="ml-auto flex items-center gap-3 text-sm">
            {me && (
              <span className="text-muted">
                Signed in as <span className="font-medium text-fg">{me.name}</span>
              </span>
            )}
            <Button size="sm" onClick={handleSignOut} pending={signingOut}>
              Sign Out
            </Button>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6">{children}</main>
    </div>
  )
}
