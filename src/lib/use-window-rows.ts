import { useLayoutEffect, useState, type RefObject } from 'react'

interface Viewport {
  /** Index of the first row at the top of the window (may be negative above the list). */
  firstRow: number
  /** Rows that fit in the window. */
  rowsInView: number
}

/**
 * Which rows of a fixed-height list scrolled with the window are on screen. With one row height
 * this is arithmetic, so a list that changes length on every keystroke costs nothing per item.
 */
export function useWindowRows(listTop: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan: number) {
  const [viewport, setViewport] = useState<Viewport>({ firstRow: 0, rowsInView: 20 })
  useLayoutEffect(() => {
    function measure() {
      const top = listTop.current?.getBoundingClientRect().top ?? 0
      const next = { firstRow: Math.floor(-top / rowHeight), rowsInView: Math.ceil(window.innerHeight / rowHeight) }
      setViewport((current) => (current.firstRow === next.firstRow && current.rowsInView === next.rowsInView ? current : next))
    }
    measure()
    window.addEventListener('scroll', measure, { passive: true })
    window.addEventListener('resize', measure)
    return () => {
      window.removeEventListener('scroll', measure)
      window.removeEventListener('resize', measure)
    }
  }, [listTop, rowHeight])
  const start = Math.min(count, Math.max(0, viewport.firstRow - overscan))
  const end = Math.min(count, Math.max(start, viewport.firstRow + viewport.rowsInView + overscan))
  return { start, end, paddingTop: start * rowHeight, paddingBottom: (count - end) * rowHeight }
}
