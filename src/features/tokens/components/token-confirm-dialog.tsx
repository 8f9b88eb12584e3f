import { useState } from 'react'
import type { Authorization } from '@/api/contract'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import type { ConfirmDialogProps } from '@/components/ui/confirm-dialog-content'
import { tokenName } from './token-row'
import { OPERATOR_CONFIRMATION, OperatorConfirmationField } from './operator-confirmation'

const NAMED = 5

/** The tokens a confirmation is about, by name: the first five, then how many more. */
export function NamedTokens({ auths }: { auths: readonly Authorization[] }) {
  const more = auths.length - NAMED
  return (
    <ul aria-label="Tokens" className="my-2 flex list-disc flex-col gap-0.5 pl-5">
      {auths.slice(0, NAMED).map((auth) => (
        <li key={auth.id} className="font-medium break-words">
          {tokenName(auth)}
        </li>
      ))}
      {more > 0 && <li className="list-none text-muted">and {more} more</li>}
    </ul>
  )
}

export interface TokenConfirmDialogProps extends Omit<ConfirmDialogProps, 'confirmDisabled'> {
  /** The action would leave no active operator token: say what is lost and ask for the typed word. */
  lastOperator: boolean
}

/** A destructive confirmation about tokens; the last operator token needs the word typed, as creating one does. */
export function TokenConfirmDialog(props: TokenConfirmDialogProps) {
  // Mounted per opening, so a word typed for one confirmation never carries over to the next.
  return props.open ? <Confirmation {...props} /> : null
}

function Confirmation({ lastOperator, children, ...props }: TokenConfirmDialogProps) {
  const [typed, setTyped] = useState('')
  return (
    <ConfirmDialog {...props} confirmDisabled={lastOperator && typed !== OPERATOR_CONFIRMATION}>
      {children}
      {lastOperator && (
        <div className="mt-3 flex flex-col gap-3 rounded-md border border-danger/50 bg-danger/5 p-3">
          <p>
            <strong className="text-danger">This is the last active operator token.</strong> Without one, no one can create an operator token
            from this page again; getting one back needs <code className="font-mono">influxd recovery</code> on the server.
          </p>
          <OperatorConfirmationField value={typed} onChange={setTyped} />
        </div>
      )}
    </ConfirmDialog>
  )
}
