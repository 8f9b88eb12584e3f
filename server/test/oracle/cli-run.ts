import { execFile } from 'node:child_process'
import { accessSync, chownSync, constants, copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'

/** The influx-cli version `scripts/oracle/build-influx-cli.sh` builds (its Go pseudo-version, without the v). */
export const INFLUX_CLI_VERSION = '2.7.1-0.20250130214939-76d1c4d9b777'

/** The cached `influx` binary, or null when `npm run oracle:build` has not built it on this machine. */
export function influxCliPath(): string | null {
  const cache = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'influx-tokens', 'oracle')
  const path = join(cache, `influx-cli-${INFLUX_CLI_VERSION}`, 'influx')
  try {
    accessSync(path, constants.X_OK)
    return path
  } catch {
    return null
  }
}

export interface CliResult {
  status: number
  stdout: string
  stderr: string
}

export interface InfluxCli {
  run(args: string[]): Promise<CliResult>
  /** Removes the CLI's home (its configs file). */
  dispose(): void
}

// A uid with no /etc/passwd entry: see makeCli.
const CLI_UID = 48611

/**
 * The CLI with a throwaway home of its own, so `influx config create` and `influx setup` never
 * touch the user's ~/.influxdbv2/configs. `influx auth active` and `inactive` lack the common
 * flags (--configs-path, --host, --token) and find the configs file through the passwd entry of
 * the current uid, not $HOME; so, when the tests run as root, the CLI runs as a uid without a
 * passwd entry, for which Go falls back to $HOME. Otherwise those two commands cannot be pointed
 * at a test server, and `canSetActive` is false.
 */
export function makeCli(binary: string): InfluxCli & { canSetActive: boolean } {
  const root = mkdtempSync(join(tmpdir(), 'influx-cli-oracle-'))
  const home = join(root, 'home')
  const configsDir = join(home, '.influxdbv2')
  mkdirSync(configsDir, { recursive: true })
  const asOtherUid = process.getuid?.() === 0
  let program = binary
  if (asOtherUid) {
    // The other uid cannot reach into root's cache, so it gets a copy beside its home.
    program = join(root, 'influx')
    copyFileSync(binary, program)
    for (const path of [root, home, configsDir, program]) chownSync(path, CLI_UID, CLI_UID)
  }
  // INFLUX_CONFIGS_PATH for the commands that have --configs-path, whatever the uid.
  const configsPath = join(configsDir, 'configs')
  const env = { PATH: process.env.PATH ?? '', HOME: home, USER: 'oracle', TZ: 'UTC', INFLUX_CONFIGS_PATH: configsPath }
  return {
    canSetActive: asOtherUid,
    run: (args) =>
      new Promise((resolve) => {
        execFile(
          program,
          args,
          { env, cwd: home, timeout: 30_000, ...(asOtherUid ? { uid: CLI_UID, gid: CLI_UID } : {}) },
          (error, stdout, stderr) => {
            const code = error && typeof error.code === 'number' ? error.code : error ? -1 : 0
            resolve({ status: code, stdout, stderr })
          },
        )
      }),
    dispose: () => rmSync(root, { recursive: true, force: true }),
  }
}
