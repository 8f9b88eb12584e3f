import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { Organization } from '@/api/contract'
import type { NameLookup } from '../lib/scope'
import { bucketQueries } from './token-queries'

/** Bucket and org names for the summaries, from data the page already loads. */
export function useNameLookup(org: Organization): NameLookup {
  const buckets = useQuery(bucketQueries.list(org.id))
  return useMemo(() => {
    const byId = new Map((buckets.data ?? []).map((b) => [b.id, b.name]))
    return {
      bucketName: (id: string) => byId.get(id),
      orgName: (id: string) => (id === org.id ? org.name : undefined),
    }
  }, [buckets.data, org.id, org.name])
}
