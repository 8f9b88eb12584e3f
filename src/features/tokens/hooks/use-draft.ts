import { useEffect, useState } from 'react'
import { currentSearchParams, replaceSearchParamsQuietly } from '@/lib/router'
import { decodeDraft, DRAFT_PARAM, encodeDraft, type Draft } from '../lib/draft'

function currentDraft(): Draft {
  return decodeDraft(currentSearchParams().get(DRAFT_PARAM))
}

/** Quietly: the draft is read once when a dialog opens, so typing must not re-render the page behind it. */
function writeDraftPart(part: Partial<Draft>) {
  replaceSearchParamsQuietly({ [DRAFT_PARAM]: encodeDraft({ ...currentDraft(), ...part }) })
}

/** The draft as it was in the URL when the dialog opened. */
export function useInitialDraft(): Draft {
  const [draft] = useState(currentDraft)
  return draft
}

/** Keeps one part of the draft in the URL as it changes. */
export function useDraftSync(part: Partial<Draft>) {
  const serialized = JSON.stringify(part)
  useEffect(() => {
    writeDraftPart(JSON.parse(serialized) as Partial<Draft>)
  }, [serialized])
}
