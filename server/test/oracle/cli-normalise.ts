/**
 * Makes the CLI's output of two servers comparable: IDs become the role they play in the scenario
 * (`<org:my-org>`, `<auth:read-buckets>`...), or `<id>` when the scenario never named them;
 * token values, timestamps and server URLs become placeholders.
 */
export class Names {
  private readonly byID = new Map<string, string>()

  /** Remembers what `id` stands for, for every later output. */
  set(id: string, role: string): void {
    this.byID.set(id, `<${role}>`)
  }

  has(id: string): boolean {
    return this.byID.has(id)
  }

  normalise(text: string, url: string): string {
    return (
      text
        .replaceAll(url, '<url>')
        // Go prints & in JSON strings as \u0026.
        .replaceAll('\\u0026', '&')
        .replace(/\b[0-9a-f]{16}\b/g, (id) => this.byID.get(id) ?? '<id>')
        .replace(/[\w-]{20,}={0,2}(?=\s|"|$)/g, (word) => (/[A-Za-z]/.test(word) && word.length >= 40 ? '<token>' : word))
        .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
    )
  }
}

/** One command's outcome, normalised; what the two servers are compared on. */
export interface Outcome {
  status: number
  /** The JSON output, parsed and re-printed, or the table with its column padding collapsed. */
  output: string
  /** The error line the CLI printed, if any. */
  error: string
}

export function normaliseOutcome(
  names: Names,
  url: string,
  result: { status: number; stdout: string; stderr: string },
): Outcome {
  const stdout = names.normalise(result.stdout, url).trim()
  let output: string
  try {
    output = stdout === '' ? '' : JSON.stringify(JSON.parse(stdout), null, 1)
  } catch {
    output = stdout
      .split('\n')
      .map((line) => line.replace(/[ \t]+/g, ' ').trim())
      .join('\n')
  }
  // The usage text urfave/cli prints after "Incorrect Usage" is the CLI's own, the same for any server.
  const error = names
    .normalise(result.stderr, url)
    .split('\n')
    .filter((line) => line.startsWith('Error:') || line.startsWith('Incorrect Usage'))
    .join('\n')
  return { status: result.status, output, error }
}
