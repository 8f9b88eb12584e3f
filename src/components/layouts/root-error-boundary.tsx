import { Component, type ErrorInfo, type ReactNode } from 'react'
import { paths } from '@/config/paths'
import { CenteredCard } from './centered-card'

/**
 * The last line: an error no page handled shows a readable page with a way back, never a blank
 * one. The way back is a full page load, which also fetches code that failed to load.
 */
export class RootErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null }

  static getDerivedStateFromError(error: unknown) {
    return { error }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Unhandled error in the app', error, info.componentStack)
  }

  override render() {
    if (this.state.error === null) return this.props.children
    const message = this.state.error instanceof Error ? this.state.error.message : String(this.state.error)
    return (
      <CenteredCard title="Something went wrong">
        <p className="text-sm text-muted">The page could not be shown. Reloading usually helps.</p>
        <p className="mt-3 rounded-md bg-sunken px-3 py-2 font-mono text-xs break-words">{message}</p>
        <div className="mt-4 flex gap-4 text-sm font-medium">
          <a href={window.location.href} className="text-accent underline underline-offset-4">
            Reload this page
          </a>
          <a href={paths.home.build()} className="text-accent underline underline-offset-4">
            Go to your tokens
          </a>
        </div>
      </CenteredCard>
    )
  }
}
