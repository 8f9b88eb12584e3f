import { readdirSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { fileURLToPath } from 'node:url'
import js from '@eslint/js'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const src = fileURLToPath(new URL('./src', import.meta.url))
const features = readdirSync(`${src}/features`)

/**
 * Imports point one way: app → features → the shared layers (components, lib, api, config).
 * A feature never reaches into another: what two features share moves down a layer.
 */
const layers = [
  { target: `${src}/features`, from: `${src}/app`, message: 'features/ must not import from app/.' },
  {
    target: ['components', 'lib', 'api', 'config'].map((layer) => `${src}/${layer}`),
    from: [`${src}/features`, `${src}/app`],
    message: 'The shared layers must not import from features/ or app/.',
  },
  ...features.map((feature) => ({
    target: `${src}/features/${feature}`,
    from: `${src}/features`,
    except: [`./${feature}`],
    message: 'A feature must not import from another feature: move the shared piece to a shared layer.',
  })),
]

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'data', 'test-results', 'playwright-report', 'bench-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Playwright fixtures must destructure their first argument, and tests read untyped JSON bodies.
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // One import style where Node runs the code (tsx): relative paths name the .ts file, and
    // Node's own modules are imported by their node: name, with named imports.
    files: ['server/**/*.ts', 'scripts/**/*.ts', 'e2e/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: builtinModules.map((name) => ({ name, message: `Import it as 'node:${name}'.` })) }],
      'no-restricted-syntax': [
        'error',
        {
          selector: ':matches(ImportDeclaration, ExportNamedDeclaration, ExportAllDeclaration)[source.value=/^\\.\\.?\\/(?!.*\\.ts$)/]',
          message: 'Name the .ts file in a relative import.',
        },
        {
          selector: 'ImportDeclaration[source.value=/^node:/] > :matches(ImportDefaultSpecifier, ImportNamespaceSpecifier)',
          message: "Import what you use from a node: module by name (import { join } from 'node:path').",
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ alias: { '@': [src] }, extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'import-x/no-restricted-paths': ['error', { zones: layers }],
    },
  },
)
