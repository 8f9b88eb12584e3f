import { zodResolver } from '@hookform/resolvers/zod'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useForm } from 'react-hook-form'
import { z } from 'zod'
import { errorMessage } from '@/api/http'
import { postSetup, signIn } from '@/api/session'
import { navigate } from '@/lib/router'
import { Button } from '@/components/ui/button'
import { CenteredCard } from '@/components/layouts/centered-card'
import { TextField } from '@/components/ui/field'
import { sessionQueries } from '@/api/session-queries'
import { paths } from '@/config/paths'
import { useDocumentTitle } from '@/lib/use-document-title'

// InfluxDB accepts passwords of 8 to 72 characters.
const setupSchema = z
  .object({
    username: z.string().trim().min(1, 'Enter a username'),
    password: z.string().min(8, 'Use at least 8 characters').max(72, 'Use at most 72 characters'),
    confirmPassword: z.string(),
    org: z.string().trim().min(1, 'Enter an organization name'),
    bucket: z.string().trim().min(1, 'Enter a bucket name'),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'Passwords do not match' })
type SetupValues = z.infer<typeof setupSchema>

export function SetupPage() {
  const queryClient = useQueryClient()
  const setup = useQuery(sessionQueries.setup())
  useDocumentTitle('Set up')
  const [failure, setFailure] = useState<string | null>(null)
  const { register, handleSubmit, formState } = useForm<SetupValues>({
    resolver: zodResolver(setupSchema),
    defaultValues: { username: '', password: '', confirmPassword: '', org: '', bucket: '' },
  })

  useEffect(() => {
    if (setup.data?.allowed === false) navigate(paths.signIn.build(), { replace: true })
  }, [setup.data])

  async function onSubmit(values: SetupValues) {
    setFailure(null)
    try {
      const result = await postSetup({ username: values.username, password: values.password, org: values.org, bucket: values.bucket })
      await signIn(values.username, values.password)
      await queryClient.invalidateQueries({ queryKey: sessionQueries.all() })
      navigate(paths.tokens.build(result.org.id), { replace: true })
    } catch (error) {
      setFailure(errorMessage(error))
    }
  }

  const errors = formState.errors
  return (
    <CenteredCard title="Welcome" subtitle="Set up the first user, organization and bucket of this server.">
      <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-4">
        <TextField label="Username" autoComplete="username" autoFocus error={errors.username?.message} {...register('username')} />
        <TextField label="Password" type="password" autoComplete="new-password" error={errors.password?.message} {...register('password')} />
        <TextField label="Confirm Password" type="password" autoComplete="new-password" error={errors.confirmPassword?.message} {...register('confirmPassword')} />
        <TextField label="Organization" hint="A workspace for a group of users, e.g. your company or team." error={errors.org?.message} {...register('org')} />
        <TextField label="Bucket" hint="Where your first time series data will be stored." error={errors.bucket?.message} {...register('bucket')} />
        {failure && (
          <p role="alert" className="rounded-md border border-danger/40 bg-danger/5 px-3 py-2 text-sm text-danger">
            {failure}
          </p>
        )}
        <Button type="submit" variant="primary" pending={formState.isSubmitting}>
          Continue
        </Button>
      </form>
    </CenteredCard>
  )
}
