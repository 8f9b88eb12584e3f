import type { SelectHTMLAttributes } from 'react'
import { cn } from '@/lib/cn'
import { inputClass } from './field'

export interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string
  options: ReadonlyArray<{ value: string; label: string }>
}

/** A native select with its visible label: accessible, and fast even with thousands of options. */
export function SelectField({ label, options, className, ...props }: SelectFieldProps) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-muted">
      {label}
      <select className={cn(inputClass, 'w-auto pr-8', className)} {...props}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  )
}
