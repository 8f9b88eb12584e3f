import { useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { updateAuthorization } from '@/api/authorizations'
import type { Authorization, AuthorizationPostRequest } from '@/api/contract'
import { errorMessage } from '@/api/http'
import { toast } from '@/components/ui/toast'
import { tokenQueries } from './token-queries'
import { useCreateToken } from './use-token-mutations'

/**
 * The save step every Generate dialog shares: one click creates one token, success shows it once,
 * and a clone can deactivate its original afterwards (how a token is rotated).
 */
export function useTokenCreation(onCreated?: (auth: Authorization) => void) {
  const queryClient = useQueryClient()
  const create = useCreateToken()
  const [created, setCreated] = useState<Authorization | null>(null)
  const submitting = useRef(false)

  async function submit(request: AuthorizationPostRequest, deactivate?: Authorization) {
    if (submitting.current) return
    submitting.current = true
    try {
      const auth = await create.mutateAsync(request)
      toast.success('Token was created successfully')
      if (deactivate) {
        await updateAuthorization(deactivate.id, { status: 'inactive' }).then(
          () => toast.success('The original token was deactivated'),
          (error) => toast.error(`Failed to update token: ${errorMessage(error)}`),
        )
        await queryClient.invalidateQueries({ queryKey: tokenQueries.all() })
      }
      setCreated(auth)
      onCreated?.(auth)
    } catch {
      // The dialog shows the mutation's error and keeps every input as the user left it.
    } finally {
      submitting.current = false
    }
  }

  return { submit, created, pending: create.isPending, error: create.isError ? create.error : null }
}
