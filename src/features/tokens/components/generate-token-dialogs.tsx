import type { Authorization, Organization, User } from '@/api/contract'
import { Dialog } from '@/components/ui/dialog'
import { tokenKind, type TokenKind } from '../lib/permissions'
import { AllAccessTokenDialog } from './all-access-token-dialog'
import { CustomTokenDialog } from './custom-token-dialog'
import { OperatorTokenDialog } from './operator-token-dialog'
import { ReadWriteTokenDialog } from './read-write-token-dialog'

export interface GenerateDialogProps {
  org: Organization
  me: User
  /** A token to clone: the dialog opens filled from it. */
  source?: Authorization
  onClose: () => void
  onCreated?: (auth: Authorization) => void
  returnFocusTo?: () => HTMLElement | null
}

export type GenerateRequest = { kind: TokenKind } | { kind: 'clone'; source: Authorization }

/** One modal for whichever Generate flow is open; each flow ends in the "Token created" view. */
export function GenerateTokenDialogs({ request, ...props }: Omit<GenerateDialogProps, 'source'> & { request: GenerateRequest | null }) {
  const source = request?.kind === 'clone' ? request.source : undefined
  // Every token kind has a dialog of its own, so a clone opens where its permissions can be edited.
  const kind = request ? (request.kind === 'clone' ? tokenKind(request.source.permissions) : request.kind) : null
  return (
    <Dialog open={request !== null} onOpenChange={(open) => !open && props.onClose()}>
      {kind === 'read-write' && <ReadWriteTokenDialog {...props} source={source} />}
      {kind === 'all-access' && <AllAccessTokenDialog {...props} source={source} />}
      {kind === 'custom' && <CustomTokenDialog {...props} source={source} />}
      {kind === 'operator' && <OperatorTokenDialog {...props} source={source} />}
    </Dialog>
  )
}
