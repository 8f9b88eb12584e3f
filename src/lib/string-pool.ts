/** Returns, for each string, the first equal one it was given (or knew from the start). */
export type StringPool = (text: string) => string

/**
 * A StringPool, knowing `known` from the start: data read from JSON then holds one copy of each
 * repeated value (an org ID, a status, a bucket name another list holds too) instead of one per object.
 */
export function stringPool(known: Iterable<string> = []): StringPool {
  const pool = new Map<string, string>()
  for (const text of known) if (!pool.has(text)) pool.set(text, text)
  return (text) => {
    const seen = pool.get(text)
    if (seen !== undefined) return seen
    pool.set(text, text)
    return text
  }
}
