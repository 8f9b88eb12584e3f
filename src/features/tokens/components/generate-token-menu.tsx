import { memo, useRef, useState, type Ref } from 'react'
import type { User } from '@/api/contract'
import { Button } from '@/components/ui/button'
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger, MenuChevron } from '@/components/ui/dropdown-menu'
import { usePrivileges } from '../api/use-privileges'
import type { TokenKind } from '../lib/permissions'

/** The "Generate" menu button (WAI-ARIA menu button: Enter, Space or ArrowDown opens it). */
export interface GenerateTokenMenuProps {
  me: User
  orgID: string
  onChoose: (kind: TokenKind) => void
  ref?: Ref<HTMLButtonElement>
}

// Memoized: the tokens page re-renders on every keystroke in its filter, which changes nothing here.
export const GenerateTokenMenu = memo(function GenerateTokenMenu({ me, orgID, onChoose, ref }: GenerateTokenMenuProps) {
  const [opened, setOpened] = useState(false)
  // Only an operator may create an operator token; offering it to anyone else would end in a 403.
  const { operator } = usePrivileges(me, orgID, opened)
  // After a choice the dialog takes focus (and gives it back on close); the menu must not steal it.
  const chosen = useRef(false)
  function choose(kind: TokenKind) {
    chosen.current = true
    onChoose(kind)
  }
  return (
    <DropdownMenu onOpenChange={(open) => open && setOpened(true)}>
      <DropdownMenuTrigger asChild>
        <Button variant="primary" ref={ref}>
          Generate
          <MenuChevron />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent
        onCloseAutoFocus={(event) => {
          if (chosen.current) event.preventDefault()
          chosen.current = false
        }}
      >
        <DropdownMenuItem onSelect={() => choose('read-write')} hint="Read and write chosen buckets">
          Read/Write Token
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => choose('all-access')} hint="Everything in this organization">
          All-Access Token
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => choose('custom')} hint="Chosen resource types and buckets">
          Custom Token
        </DropdownMenuItem>
        {operator && (
          <DropdownMenuItem onSelect={() => choose('operator')} hint="Everything in every organization">
            Operator Token
          </DropdownMenuItem>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  )
})
