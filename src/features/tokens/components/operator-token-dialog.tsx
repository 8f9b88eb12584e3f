import { useQuery } from '@tanstack/react-query'
import { useCallback, useState } from 'react'
import { LoadError } from '@/components/ui/load-error'
import { resourceQueries } from '../api/token-queries'
import { buildOperatorPermissions } from '@/api/permission-sets'
import { GenerateDialogFrame } from './generate-dialog-frame'
import { OPERATOR_CONFIRMATION as CONFIRMATION, OperatorConfirmationField } from './operator-confirmation'
import type { GenerateDialogProps } from './generate-token-dialogs'

export function OperatorTokenDialog(props: GenerateDialogProps) {
  // From the server, so the token covers every type this server knows, as `influx auth create --operator` does.
  const resources = useQuery(resourceQueries.types())
  const [confirmation, setConfirmation] = useState('')
  const permissionsFor = useCallback(() => (resources.data ? buildOperatorPermissions(resources.data) : []), [resources.data])

  return (
    <GenerateDialogFrame
      {...props}
      title="Generate Operator Token"
      permissionsFor={permissionsFor}
      ready={resources.isSuccess && confirmation === CONFIRMATION}
      descriptionRequired
      hint={`Type ${CONFIRMATION} to confirm.`}
      warning={
        <div className="flex flex-col gap-1 rounded-md border border-danger/50 bg-danger/5 px-3 py-2 text-sm">
          <p className="font-semibold text-danger">This token controls the whole server, not just {props.org.name}.</p>
          <p>
            It can <strong>read and change every organization, user and token</strong> on this InfluxDB server, including creating more operator
            tokens. Anyone who holds it can lock everyone else out. Keep it out of scripts and shared configuration.
          </p>
        </div>
      }
    >
      {resources.isError && <LoadError error={resources.error} onRetry={() => resources.refetch()} />}
      <OperatorConfirmationField value={confirmation} onChange={setConfirmation} className="sm:max-w-xs" />
    </GenerateDialogFrame>
  )
}
