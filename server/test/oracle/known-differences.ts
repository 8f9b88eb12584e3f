/**
 * Every answer of the embedded server that differs, on purpose, from InfluxDB OSS v2.7.12's for the
 * same request of the conformance scenario, by step title, with the reason it is kept.
 * docs/compatibility.md lists the same differences for readers.
 */
export interface KnownDifference {
  step: string
  reason: string
}

export const KNOWN_DIFFERENCES: KnownDifference[] = []

/** A field that differs in every answer that has it; its two values count as equal when `equal` says so. */
export interface KnownFieldDifference {
  field: string
  reason: string
  equal(embedded: unknown, real: unknown): boolean
}

export const KNOWN_FIELD_DIFFERENCES: KnownFieldDifference[] = [
  {
    field: 'token',
    reason:
      'The embedded server keeps only a hash of each token, as InfluxDB does by default from 2.9: the value ' +
      'is returned once, by the POST that creates it, and as "" afterwards. InfluxDB 2.7 stores tokens in ' +
      'plain text and returns them in every GET and PATCH answer.',
    equal: (embedded, real) => embedded === '' && typeof real === 'string' && real.startsWith('<token'),
  },
]
