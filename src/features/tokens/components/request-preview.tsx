import { useMemo, useState } from 'react'
import type { AuthorizationPostRequest } from '@/api/contract'
import { Button } from '@/components/ui/button'
import { Tabs } from '@/components/ui/tabs'
import { copyText } from '@/lib/clipboard'
import { curlCommand, influxAuthCreateCommand, requestJson } from '../lib/commands'

export interface RequestPreviewProps {
  request: AuthorizationPostRequest
  orgName: string
  userName?: string
  resourceTypes?: readonly string[]
}

/** The token being composed, as the API body with curl and as the `influx` CLI command. */
export function RequestPreview({ request, orgName, userName, resourceTypes }: RequestPreviewProps) {
  const json = useMemo(() => requestJson(request), [request])
  const curl = useMemo(() => curlCommand(request, window.location.origin), [request])
  const cli = useMemo(() => influxAuthCreateCommand(request, { orgName, userName, resourceTypes }), [request, orgName, userName, resourceTypes])
  return (
    <section aria-label="Request preview" className="rounded-lg border border-border bg-sunken/50 p-3">
      <Tabs
        label="Request preview"
        // One height for every tab, so switching does not resize the dialog under the pointer.
        panelClassName="h-96 overflow-y-auto"
        tabs={[
          {
            id: 'api',
            label: 'API',
            content: (
              <div className="flex flex-col gap-3">
                <Snippet label="JSON body" text={json} />
                <Snippet label="curl command" text={curl} />
              </div>
            ),
          },
          { id: 'cli', label: 'CLI', content: <Snippet label="influx CLI command" text={cli} /> },
        ]}
      />
    </section>
  )
}

function Snippet({ label, text }: { label: string; text: string }) {
  const [status, setStatus] = useState<string | null>(null)
  async function copy() {
    try {
      await copyText(text)
      setStatus('Copied')
    } catch (error) {
      setStatus(error instanceof Error ? error.message : String(error))
    }
  }
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs font-medium text-muted capitalize">{label}</span>
        <div className="flex items-center gap-2">
          {status && (
            <span role="status" className="text-xs text-muted">
              {status}
            </span>
          )}
          <Button size="sm" variant="ghost" onClick={copy}>
            Copy {label}
          </Button>
        </div>
      </div>
      <pre tabIndex={0} aria-label={label} className="max-h-40 overflow-auto rounded-md bg-raised px-3 py-2 font-mono text-xs leading-relaxed whitespace-pre">
        {text}
      </pre>
    </div>
  )
}
