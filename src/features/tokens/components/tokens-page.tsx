import { LoadDataPage } from './load-data-page'
import { TokensPanelSkeleton } from './tokens-page-frame'
import { TokensPanel } from './tokens-panel'

export function TokensPage({ orgID }: { orgID: string }) {
  return (
    <LoadDataPage orgID={orgID} tab="tokens" skeleton={<TokensPanelSkeleton />}>
      {(org, me) => <TokensPanel org={org} me={me} />}
    </LoadDataPage>
  )
}
