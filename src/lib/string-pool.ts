/**
 * A function that returns, for each string, the first equal one it was given: data read from JSON
 * then holds one copy of each repeated value (an org ID, a status) instead of one per object.
 */
export function stringPool(): (text: string) => string {
  const pool = new Map<string, string>()
  return (text) => {
    const seen = pool.get(text)
    if (seen !== undefined) return seen
    pool.set(text, text)
    return text
  }
}
