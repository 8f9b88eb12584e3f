import { memo } from 'react'
import type { Authorization, Organization } from '@/api/contract'
import { Button } from '@/components/ui/button'
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger, MenuChevron } from '@/components/ui/dropdown-menu'
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
          <MenuChevron />
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
