import { useMutation, useQueryClient } from '@tanstack/react-query'
import { createAuthorization, deleteAuthorization, updateAuthorization } from '@/api/authorizations'
import type { Authorization, AuthorizationUpdateRequest } from '@/api/contract'
import { errorMessage } from '@/api/http'
import { toast } from '@/components/ui/toast'
import { tokenQueries } from './token-queries'

/** POST a token; the mutation stays pending until the list has been refetched with it. */
export function useCreateToken() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createAuthorization,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenQueries.all() }),
  })
}

function replaceInList(list: Authorization[] | undefined, id: string, patch: Partial<Authorization>) {
  return list?.map((auth) => (auth.id === id ? { ...auth, ...patch } : auth))
}

/**
 * PATCH status or description. The row changes at once and rolls back if the server refuses;
 * on success the server's answer replaces the row, so 10,000 tokens are not refetched per click.
 * A refusal is a toast, unless the caller shows it `inline` (a rename does, in its row).
 */
export function useUpdateToken(orgID: string) {
  const queryClient = useQueryClient()
  const listKey = tokenQueries.list(orgID).queryKey
  return useMutation({
    mutationFn: ({ id, update }: { id: string; update: AuthorizationUpdateRequest; inline?: boolean }) => updateAuthorization(id, update),
    onMutate: async ({ id, update }) => {
      await queryClient.cancelQueries({ queryKey: listKey })
      const previous = queryClient.getQueryData(listKey)
      queryClient.setQueryData(listKey, (list) => replaceInList(list, id, update))
      return { previous }
    },
    onError: (error, { inline }, context) => {
      if (context?.previous) queryClient.setQueryData(listKey, context.previous)
      if (!inline) toast.error(`Failed to update token: ${errorMessage(error)}`)
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(listKey, (list) => replaceInList(list, updated.id, updated))
      toast.success('Token was updated successfully')
    },
  })
}

export function useDeleteToken(orgID: string) {
  const queryClient = useQueryClient()
  const listKey = tokenQueries.list(orgID).queryKey
  return useMutation({
    mutationFn: (auth: Authorization) => deleteAuthorization(auth.id),
    onSuccess: (_result, auth) => {
      queryClient.setQueryData(listKey, (list) => list?.filter((a) => a.id !== auth.id))
      return queryClient.invalidateQueries({ queryKey: listKey })
    },
  })
}
