import { useMutation, useQueryClient } from '@tanstack/react-query'
import { createAuthorization } from '@/api/authorizations'
import { tokenQueries } from './token-queries'

/** POST a token; the mutation stays pending until the list has been refetched with it. */
export function useCreateToken() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createAuthorization,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenQueries.all() }),
  })
}
