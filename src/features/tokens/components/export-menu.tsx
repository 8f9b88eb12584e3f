import { memo } from 'react'
import type { Authorization, Organization } from '@/api/contract'
import { Button } from '@/components/ui/button'
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from '@/components/ui/dropdown-menu'
import { downloadText } from '@/lib/download'
import { exportFileName, tokensCsv, tokensJson, type ExportFormat } from '../lib/export'

export interface ExportMenuProps {
  org: Organization
  /** The tokens as the list shows them now: filtered and sorted. */
  tokens: readonly Authorization[]
  disabled?: boolean
}

/** "Export" as CSV or JSON, for an audit: the list as filtered and sorted, never a token value. */
export const ExportMenu = memo(function ExportMenu({ org, tokens, disabled = false }: ExportMenuProps) {
  function save(format: ExportFormat) {
    const now = new Date()
    const name = exportFileName(org.name, format, now)
    if (format === 'csv') downloadText(name, tokensCsv(tokens), 'text/csv;charset=utf-8')
    else downloadText(name, tokensJson(tokens, org, now), 'application/json')
  }
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button disabled={disabled}>
          Export
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
            <path d="M5.2 7.2a1 1 0 0 1 1.4 0L10 10.6l3.4-3.4a1 1 0 1 1 1.4 1.4l-4.1 4.1a1 1 0 0 1-1.4 0L5.2 8.6a1 1 0 0 1 0-1.4Z" />
          </svg>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuItem onSelect={() => save('csv')} hint="For a spreadsheet">
          CSV
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => save('json')} hint="Every field and permission, for tools">
          JSON
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  )
})
