import { execFile } from 'node:child_process'

function bash(script: string, env: Record<string, string>): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('bash', ['-c', script], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr })
    })
  })
}

/**
 * The words bash makes of a previewed `influx ...` command (quotes, escapes and line continuations
 * as a user's shell reads them): a shell function named `influx` prints its arguments.
 */
export async function shellWords(command: string): Promise<string[]> {
  const result = await bash(`influx() { printf '%s\\0' "$@"; }\n${command}`, {})
  if (result.status !== 0) throw new Error(`bash could not read the command (${result.status}): ${result.stderr}\n${command}`)
  return result.stdout.split('\0').slice(0, -1)
}

/** Runs a previewed curl command as it is, with $INFLUX_TOKEN set; resolves with curl's output. */
export async function runCurl(command: string, token: string): Promise<string> {
  const result = await bash(`${command} --silent --show-error --fail-with-body`, { INFLUX_TOKEN: token })
  if (result.status !== 0) throw new Error(`curl failed (${result.status}): ${result.stderr}${result.stdout}\n${command}`)
  return result.stdout
}
