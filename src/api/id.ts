/** Why `value` is not an InfluxDB ID (16 hex characters, not all zero), in InfluxDB's words; undefined when it is one. */
export function idError(value: string): string | undefined {
  if (value.length !== 16) return 'id must have a length of 16 bytes'
  if (!/^[0-9a-fA-F]{16}$/.test(value) || /^0+$/.test(value)) return 'invalid ID'
  return undefined
}
