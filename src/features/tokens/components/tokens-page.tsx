import { LoadDataPage } from './load-data-page'
import { TokensPanelSkeleton } from './tokens-page-frame'
import { TokensPanel } from './tokens-panel'
import { TokenSessionNotice } from './token-session-notice'

export function TokensPage({ orgID }: { orgID: string }) {
  return (
    <LoadDataPage orgID={orgID} tab="tokens" skeleton={<TokensPanelSkeleton />}>
      {(org, me) => (
        <>
          <TokenSessionNotice orgID={orgID} />
          <TokensPanel org={org} me={me} />
        </>
      )}
    </LoadDataPage>
  )
}
