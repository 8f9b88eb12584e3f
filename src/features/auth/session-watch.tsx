import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { onSessionProblem } from '@/api/http'
import { signOut } from '@/api/session'
import { paths } from '@/config/paths'
import { currentLocation, navigate } from '@/lib/router'
import { toast } from '@/components/ui/toast'
import { forgetSession, hadSession, onSignOutElsewhere } from '@/lib/session-tabs'

/**
 * Sends the user to sign in (and back afterwards) when the session ends anywhere in the app, and at
 * once when they sign out in another tab: before they act on a page whose session is gone.
 */
export function SessionWatch() {
  const queryClient = useQueryClient()
  // Several requests in flight fail together; the first one decides, the rest are ignored.
  const leaving = useRef(false)
  useEffect(
    () =>
      onSessionProblem(async (problem) => {
        const here = currentLocation()
        if (leaving.current || here.startsWith(paths.signIn.pattern) || here.startsWith(paths.setup.pattern)) return
        leaving.current = true
        if (problem === 'user-inactive') {
          await signOut().catch(() => undefined)
          toast.error('Your user account is inactive. Ask an administrator to reactivate it.')
        }
        // A visitor who never signed in here is not told that a session ended.
        const reason = hadSession() ? 'expired' : undefined
        forgetSession()
        queryClient.clear()
        navigate(paths.signIn.build(here, reason), { replace: true })
        leaving.current = false
      }),
    [queryClient],
  )
  useEffect(
    () =>
      onSignOutElsewhere(() => {
        const here = currentLocation()
        if (here.startsWith(paths.signIn.pattern) || here.startsWith(paths.setup.pattern)) return
        forgetSession()
        queryClient.clear()
        navigate(paths.signIn.build(here, 'signed-out'), { replace: true })
      }),
    [queryClient],
  )
  return null
}
