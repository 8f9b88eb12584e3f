import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// The project's own eslint.config.js, run on imports that break the layering.
const eslint = new ESLint({ cwd: fileURLToPath(new URL('..', import.meta.url)) })

async function restrictedImports(filePath: string, code: string): Promise<number[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'import-x/no-restricted-paths').map((m) => m.line)
}

describe('import boundaries', () => {
  it('fail the lint on an import from app/ into features/', async () => {
    const code = "import { App } from '@/app/app'\nimport { createQueryClient } from '../../../app/query-client'\nexport const used = [App, createQueryClient]\n"
    expect(await restrictedImports('src/features/tokens/components/bad.tsx', code)).toEqual([1, 2])
  })

  it('fail the lint on an import from one feature into another', async () => {
    const code = "import { tokenQueries } from '@/features/tokens/api/token-queries'\nexport const used = tokenQueries\n"
    expect(await restrictedImports('src/features/auth/bad.ts', code)).toEqual([1])
  })

  it('fail the lint on an upward import from a shared layer', async () => {
    const code = "import { safeReturnTo } from '@/features/auth/return-to'\nimport { App } from '@/app/app'\nexport const used = [safeReturnTo, App]\n"
    expect(await restrictedImports('src/components/layouts/bad.tsx', code)).toEqual([1, 2])
  })

  it('let imports that point down through', async () => {
    const code = "import { paths } from '@/config/paths'\nimport { sessionQueries } from '@/api/session-queries'\nimport { tokenQueries } from '../api/token-queries'\nexport const used = [paths, sessionQueries, tokenQueries]\n"
    expect(await restrictedImports('src/features/tokens/components/fine.tsx', code)).toEqual([])
  })
})
