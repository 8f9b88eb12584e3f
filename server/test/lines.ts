/** About `bytes` of valid line protocol: many short points of a few series. */
export function validLines(bytes: number): string {
  const lines: string[] = []
  let size = 0
  for (let i = 0; size < bytes; i++) {
    const line = `cpu,host=server${i % 100},region=eu usage_user=${(i % 97) / 3},usage_system=${i}i ${1_700_000_000_000_000_000n + BigInt(i)}`
    lines.push(line)
    size += line.length + 1
  }
  return lines.join('\n')
}

/** About `bytes` of line protocol in which every line is invalid (no fields). */
export function invalidLines(bytes: number): string {
  return 'cpu,host=a\n'.repeat(Math.ceil(bytes / 11))
}
