import { useQuery } from '@tanstack/react-query'
import { useCallback } from 'react'
import { LoadError } from '@/components/ui/load-error'
import { resourceQueries } from '../api/token-queries'
import { buildAllAccessPermissions } from '@/api/permission-sets'
import { GenerateDialogFrame } from './generate-dialog-frame'
import type { GenerateDialogProps } from './generate-token-dialogs'

export function AllAccessTokenDialog(props: GenerateDialogProps) {
  const { org } = props
  // The types come from the server, so a newer InfluxDB's new resource types are included.
  const resources = useQuery(resourceQueries.types())
  // Its `users` permissions name the token's owner, as `influx auth create --all-access --user` does.
  const permissionsFor = useCallback(
    (ownerID: string) => (resources.data ? buildAllAccessPermissions(resources.data, org.id, ownerID) : []),
    [resources.data, org.id],
  )

  return (
    <GenerateDialogFrame
      {...props}
      title="Generate All-Access Token"
      permissionsFor={permissionsFor}
      ready={resources.isSuccess}
      descriptionRequired
      warning={
        <p className="rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm">
          This token will be able to <strong>create, update, delete, read and write</strong> anything in the organization{' '}
          <strong>{org.name}</strong>. Give it only to people and programs you trust with all of it.
        </p>
      }
    >
      {resources.isError && <LoadError error={resources.error} onRetry={() => resources.refetch()} />}
    </GenerateDialogFrame>
  )
}
