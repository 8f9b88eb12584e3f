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
