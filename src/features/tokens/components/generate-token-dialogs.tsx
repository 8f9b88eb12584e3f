import type { Organization, User } from '@/api/contract'
import { Dialog } from '@/components/ui/dialog'
import { AllAccessTokenDialog } from './all-access-token-dialog'
import type { GenerateKind } from './generate-token-menu'
import { ReadWriteTokenDialog } from './read-write-token-dialog'

export interface GenerateDialogProps {
  org: Organization
  me: User
  onClose: () => void
  returnFocusTo?: () => HTMLElement | null
}

/** One modal for whichever Generate flow is open; each flow ends in the "Token created" view. */
export function GenerateTokenDialogs({ kind, ...props }: GenerateDialogProps & { kind: GenerateKind | null }) {
  return (
    <Dialog open={kind !== null} onOpenChange={(open) => !open && props.onClose()}>
      {kind === 'read-write' && <ReadWriteTokenDialog {...props} />}
      {kind === 'all-access' && <AllAccessTokenDialog {...props} />}
    </Dialog>
  )
}
