/** One token row's height: the rows, the virtualiser and the loading skeleton share it. */
export const ROW_HEIGHT = 53
export const HEADER_HEIGHT = 40

export const cell = 'px-3 align-middle'
export const hideOnPhone = 'hidden md:table-cell'

/** The columns' widths, shared by the table and its loading skeleton so that one stands in for the other. */
export const COLUMN_WIDTH = {
  select: 'w-10 pr-0',
  // On phones the description takes what the other columns leave, and wraps.
  description: 'md:w-[28%]',
  status: 'w-20 md:w-32',
  created: 'w-44',
  owner: '',
  scope: '',
  actions: 'w-28 text-right',
} as const

export const TABLE_CLASS = 'w-full min-w-[320px] table-fixed border-collapse text-sm'
