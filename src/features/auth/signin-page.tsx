import { zodResolver } from '@hookform/resolvers/zod'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useForm } from 'react-hook-form'
import { z } from 'zod'
import { ApiError, errorMessage } from '@/api/http'
import { signIn } from '@/api/session'
import { navigate, useSearchParams } from '@/lib/router'
import { Button } from '@/components/ui/button'
import { CenteredCard } from '@/components/layouts/centered-card'
import { TextField } from '@/components/ui/field'
import { Tabs } from '@/components/ui/tabs'
import { sessionQueries } from '@/api/session-queries'
import { paths } from '@/config/paths'
import { safeReturnTo } from './return-to'
import { TokenSignInForm } from './token-signin-form'
import { useCountdown } from './use-countdown'
import { useDocumentTitle } from '@/lib/use-document-title'

const signInSchema = z.object({
  username: z.string().trim().min(1, 'Enter your username'),
  password: z.string().min(1, 'Enter your password'),
})
type SignInValues = z.infer<typeof signInSchema>

const NOTICES: Record<string, string> = {
  expired: 'Your session has ended. Sign in to continue where you left off.',
  'signed-out': 'You signed out in another tab. Sign in to continue where you left off.',
}

// The server's messages are lower case, InfluxDB style; the page shows sentences.
function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1)
}

function failureText(error: unknown): string {
  if (error instanceof ApiError && error.status === 401) return 'Username or password is invalid'
  if (error instanceof ApiError && error.status === 429) return 'Too many failed sign-in attempts'
  return sentence(errorMessage(error))
}

export function SignInPage() {
  const [params] = useSearchParams()
  const returnTo = safeReturnTo(params.get('returnTo'))
  useDocumentTitle('Sign in')
  const queryClient = useQueryClient()
  const setup = useQuery(sessionQueries.setup())

  useEffect(() => {
    if (setup.data?.allowed) navigate(paths.setup.build(), { replace: true })
  }, [setup.data])

  async function onSignedIn() {
    await queryClient.invalidateQueries({ queryKey: sessionQueries.all() })
    navigate(returnTo, { replace: true })
  }

  return (
    <CenteredCard
      title="Sign in"
      subtitle={NOTICES[params.get('reason') ?? ''] ?? 'Manage the API tokens of your InfluxDB organizations.'}
    >
      <Tabs
        label="How to sign in"
        tabs={[
          { id: 'password', label: 'Sign in as a user', content: <PasswordSignInForm onSignedIn={onSignedIn} /> },
          { id: 'token', label: 'Sign in with a token', content: <TokenSignInForm onSignedIn={onSignedIn} /> },
        ]}
      />
    </CenteredCard>
  )
}

function PasswordSignInForm({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const [failure, setFailure] = useState<string | null>(null)
  // While the server throttles sign-in (429 with Retry-After), the form waits and says how long.
  const [retryAt, setRetryAt] = useState<number | null>(null)
  const wait = useCountdown(retryAt)
  const { register, handleSubmit, formState } = useForm<SignInValues>({
    resolver: zodResolver(signInSchema),
    defaultValues: { username: '', password: '' },
  })

  async function onSubmit(values: SignInValues) {
    setFailure(null)
    try {
      await signIn(values.username, values.password)
      await onSignedIn()
    } catch (error) {
      setFailure(failureText(error))
      if (error instanceof ApiError && error.retryAfter) setRetryAt(Date.now() + error.retryAfter * 1000)
    }
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-4">
      <TextField label="Username" autoComplete="username" autoFocus error={formState.errors.username?.message} {...register('username')} />
      <TextField label="Password" type="password" autoComplete="current-password" error={formState.errors.password?.message} {...register('password')} />
      {failure && (
        <p role="alert" className="rounded-md border border-danger/40 bg-danger/5 px-3 py-2 text-sm text-danger">
          {failure}
        </p>
      )}
      <Button type="submit" variant="primary" pending={formState.isSubmitting} disabled={wait > 0} aria-describedby={wait > 0 ? 'signin-wait' : undefined}>
        Sign In
      </Button>
      {wait > 0 && (
        <p id="signin-wait" className="text-center text-sm text-muted">
          Try again in {wait} s
        </p>
      )}
    </form>
  )
}
