import type { StepResult } from './cli-scenario.ts'

export interface IntendedDifference {
  steps: RegExp
  reason: string
  /** Rewrites the real influxd's normalised output into what the embedded server answers. */
  rewrite: (output: string) => string
}

/**
 * Differences kept on purpose. Each rewrites only what it is about, so that nothing else in the
 * steps it names may differ.
 */
export const INTENDED: IntendedDifference[] = [
  {
    // `auth active`, `inactive` and `delete` print the token they read back before acting.
    steps: /^auth (list|active|inactive|delete)/,
    reason:
      'the embedded server keeps only a hash of each token and shows its value once, on creation; later reads show it empty (as InfluxDB 2.9+ with hashed tokens does)',
    rewrite: (output) => output.replaceAll('"token": "<token>"', '"token": ""').replace(/ <token> /g, ' '),
  },
]

export interface Comparison {
  /** One line per step: verdict, both exit statuses, the command. */
  table: string
  /** The steps that differ beyond the intended differences, both answers shown. */
  unexpected: string[]
}

/** Compares two runs of the same scenario, step by step (status, normalised output, error line). */
export function compareRuns(ours: StepResult[], theirs: StepResult[], intended: IntendedDifference[] = INTENDED): Comparison {
  const rows = ['verdict   ours their command']
  const unexpected: string[] = []
  const steps = Math.max(ours.length, theirs.length)
  for (let index = 0; index < steps; index++) {
    const a = ours[index]
    const b = theirs[index]
    if (!a || !b || a.step !== b.step) {
      unexpected.push(`step ${index + 1}: "${a?.step}" against "${b?.step}"`)
      continue
    }
    const rule = intended.find((entry) => entry.steps.test(a.step))
    const theirOutput = rule ? rule.rewrite(b.outcome.output) : b.outcome.output
    const same = a.outcome.status === b.outcome.status && a.outcome.output === theirOutput && a.outcome.error === b.outcome.error
    const verdict = !same ? 'DIFFERENT' : theirOutput !== b.outcome.output ? 'intended' : 'same'
    rows.push(`${verdict.padEnd(9)} ${String(a.outcome.status).padEnd(4)} ${String(b.outcome.status).padEnd(5)} ${a.command}`)
    if (!same) {
      unexpected.push(
        [
          a.command,
          `  ours:  ${a.outcome.status} ${a.outcome.error}\n${a.outcome.output}`,
          `  their: ${b.outcome.status} ${b.outcome.error}\n${theirOutput}`,
        ].join('\n'),
      )
    }
  }
  return { table: rows.join('\n'), unexpected }
}
