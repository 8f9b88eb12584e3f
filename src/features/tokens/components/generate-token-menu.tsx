import { Button } from '@/components/ui/button'
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from '@/components/ui/dropdown-menu'

export type GenerateKind = 'read-write' | 'all-access'

/** The "Generate" menu button (WAI-ARIA menu button: Enter, Space or ArrowDown opens it). */
export function GenerateTokenMenu({ onChoose }: { onChoose: (kind: GenerateKind) => void }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="primary">
          Generate
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
            <path d="M5.2 7.2a1 1 0 0 1 1.4 0L10 10.6l3.4-3.4a1 1 0 1 1 1.4 1.4l-4.1 4.1a1 1 0 0 1-1.4 0L5.2 8.6a1 1 0 0 1 0-1.4Z" />
          </svg>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuItem onSelect={() => onChoose('read-write')} hint="Read and write chosen buckets">
          Read/Write Token
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => onChoose('all-access')} hint="Everything in this organization">
          All-Access Token
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  )
}
