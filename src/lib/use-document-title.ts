import { useEffect } from 'react'

export const APP_NAME = 'InfluxDB Tokens'

/** Names the page in the browser tab and history: `parts`, most specific first, then the app. */
export function useDocumentTitle(...parts: string[]): void {
  const title = [...parts, APP_NAME].join(' · ')
  useEffect(() => {
    document.title = title
  }, [title])
}
