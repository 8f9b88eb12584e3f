import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { z } from 'zod'
import { ApiError, errorMessage } from '@/api/http'
import { signInWithToken } from '@/api/session'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'

const tokenSchema = z.object({ token: z.string().trim().min(1, 'Paste an API token') })
type TokenValues = z.infer<typeof tokenSchema>

/**
 * Sign-in with an API token (SSO-only Cloud accounts, operator-token-only installations). The token
 * goes once, in a POST body, to this app's server, which keeps it and gives the browser a cookie.
 */
export function TokenSignInForm({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const [failure, setFailure] = useState<string | null>(null)
  const { register, handleSubmit, formState, reset } = useForm<TokenValues>({
    resolver: zodResolver(tokenSchema),
    defaultValues: { token: '' },
  })

  async function onSubmit(values: TokenValues) {
    setFailure(null)
    try {
      await signInWithToken(values.token)
      reset()
      await onSignedIn()
    } catch (error) {
      setFailure(error instanceof ApiError && error.status === 401 ? 'This token was refused: it is unknown or inactive, or it cannot read its own user.' : errorMessage(error))
    }
  }

  // method="post": should the script fail, the browser must not put the token in a URL.
  return (
    <form method="post" onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-4">
      <TextField
        label="API token"
        type="password"
        autoComplete="off"
        spellCheck={false}
        hint="Kept by this app's server for this session only (60 minutes without use), never in the browser."
        error={formState.errors.token?.message}
        {...register('token')}
      />
      {failure && (
        <p role="alert" className="rounded-md border border-danger/40 bg-danger/5 px-3 py-2 text-sm text-danger">
          {failure}
        </p>
      )}
      <Button type="submit" variant="primary" pending={formState.isSubmitting}>
        Sign In
      </Button>
    </form>
  )
}
