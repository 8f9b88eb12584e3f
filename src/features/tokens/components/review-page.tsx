import { LoadDataPage } from './load-data-page'
import { ReviewPanel, ReviewSkeleton } from './review-panel'

export function ReviewPage({ orgID }: { orgID: string }) {
  return (
    <LoadDataPage orgID={orgID} tab="review" skeleton={<ReviewSkeleton />}>
      {(org, me) => <ReviewPanel org={org} me={me} />}
    </LoadDataPage>
  )
}
