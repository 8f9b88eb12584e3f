import { describe, expect, it } from 'vitest'
import { inputClass } from '@/components/ui/field'
import { cn } from './cn'

describe('cn', () => {
  it('skips falsy parts', () => {
    expect(cn('a', false, null, undefined, '', 'b')).toBe('a b')
  })

  it('lets a later conflicting class win, so a select can be narrower than a full-width input', () => {
    const classes = cn(inputClass, 'w-auto pr-8').split(' ')
    expect(classes).toContain('w-auto')
    expect(classes).not.toContain('w-full')
    expect(classes).toContain('pr-8')
    expect(classes).toContain('px-3')
  })

  it('resolves the project colours and sizes as Tailwind does', () => {
    expect(cn('bg-raised text-fg h-9 text-sm', 'bg-accent text-accent-fg h-8 text-[13px]')).toBe('bg-accent text-accent-fg h-8 text-[13px]')
    expect(cn('text-muted text-xs', 'text-danger')).toBe('text-xs text-danger')
  })
})
