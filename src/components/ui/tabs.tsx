import * as RadixTabs from '@radix-ui/react-tabs'
import type { ReactNode } from 'react'
import { cn } from '@/lib/cn'

export interface Tab {
  id: string
  label: string
  content: ReactNode
}

/** WAI-ARIA tabs (Radix): each tab controls its own panel; arrows, Home and End move and select. */
export function Tabs({ tabs, label, panelClassName }: { tabs: Tab[]; label: string; panelClassName?: string }) {
  return (
    <RadixTabs.Root defaultValue={tabs[0]?.id}>
      <RadixTabs.List aria-label={label} className="flex gap-1 border-b border-border">
        {tabs.map((tab) => (
          <RadixTabs.Trigger
            key={tab.id}
            value={tab.id}
            className="-mb-px border-b-2 border-transparent px-3 py-1.5 text-sm text-muted hover:text-fg data-[state=active]:border-accent data-[state=active]:font-medium data-[state=active]:text-fg"
          >
            {tab.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      {tabs.map((tab) => (
        <RadixTabs.Content key={tab.id} value={tab.id} className={cn('pt-3', panelClassName)}>
          {tab.content}
        </RadixTabs.Content>
      ))}
    </RadixTabs.Root>
  )
}
