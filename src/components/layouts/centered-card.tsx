import type { ReactNode } from 'react'

/** The frame of the pages shown before the app itself: sign-in, setup, not found. */
export function CenteredCard({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center gap-2 text-sm font-semibold text-muted">
          <img src="/favicon.svg" alt="" className="size-6" />
          InfluxDB Tokens
        </div>
        <div className="rounded-xl border border-border bg-raised p-6 shadow-sm">
          <h1 className="text-xl font-semibold">{title}</h1>
          {subtitle && <p className="mt-1 text-sm text-muted">{subtitle}</p>}
          <div className="mt-5">{children}</div>
        </div>
      </div>
    </main>
  )
}
