/** One token row's height: the rows, the virtualiser and the loading skeleton share it. */
export const ROW_HEIGHT = 53
