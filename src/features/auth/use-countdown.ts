import { useEffect, useState } from 'react'

/** Whole seconds left until `until` (a Date.now() time), ticking down to 0; 0 when there is none. */
export function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (until === null) return
    setNow(Date.now())
    const id = window.setInterval(() => {
      setNow(Date.now())
      if (Date.now() >= until) window.clearInterval(id)
    }, 250)
    return () => window.clearInterval(id)
  }, [until])
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000))
}
