import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { parse } from 'yaml'

// Checks every 2xx JSON body the suite receives against the official OpenAPI contract, when
// the shared copy of it is present next to the repository.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const CONTRACT = resolve(repoRoot, '../shared/contracts/influxdb-oss-openapi.yml')

interface OpenApi {
  paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>
  components: { responses: Record<string, unknown> }
}

let loaded: { doc: OpenApi; ajv: Ajv } | null | undefined
const compiled = new Map<string, ValidateFunction | null>()

function load(): { doc: OpenApi; ajv: Ajv } | null {
  if (loaded !== undefined) return loaded
  if (!existsSync(CONTRACT)) {
    console.warn(`Contract check skipped: ${CONTRACT} not found`)
    loaded = null
    return loaded
  }
  const doc = parse(readFileSync(CONTRACT, 'utf8')) as OpenApi
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true })
  // ajv-formats is CommonJS; its default export arrives wrapped under ESM.
  const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
    addFormatsModule) as unknown as (ajv: Ajv) => void
  addFormats(ajv)
  // The contract's links are `format: uri`, but it and the server use relative references
  // ("/api/v2/…"); validate them as URI references.
  ajv.addFormat('uri', (value: string) => URL.canParse(value, 'http://base.invalid'))
  for (const format of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) ajv.addFormat(format, true)
  ajv.addSchema(doc as object, 'oas')
  loaded = { doc, ajv }
  return loaded
}

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')

/** The contract's path template for a request path, e.g. /api/v2/buckets/abc → /buckets/{bucketID}. */
function templateFor(doc: OpenApi, path: string): string | undefined {
  const relative = path.startsWith('/api/v2/') ? path.slice('/api/v2'.length) : path
  const segments = relative.split('/')
  return Object.keys(doc.paths).find((template) => {
    const parts = template.split('/')
    return parts.length === segments.length && parts.every((p, i) => p === segments[i] || /^\{.+\}$/.test(p))
  })
}

function validatorFor(method: string, path: string, status: number): ValidateFunction | null {
  const contract = load()
  if (!contract) return null
  const template = templateFor(contract.doc, path)
  const key = `${method} ${template} ${status}`
  if (compiled.has(key)) return compiled.get(key) ?? null
  let validator: ValidateFunction | null = null
  const operation = template ? contract.doc.paths[template]?.[method.toLowerCase()] : undefined
  let response = operation?.responses?.[String(status)] as { $ref?: string; content?: Record<string, unknown> } | undefined
  if (response?.$ref) response = contract.doc.components.responses[response.$ref.split('/').pop() ?? ''] as typeof response
  if (template && response?.content?.['application/json']) {
    const ref = pointer('paths', template, method.toLowerCase(), 'responses', String(status), 'content', 'application/json', 'schema')
    validator = contract.ajv.compile({ $ref: `oas#/${ref}` })
  } else if (template && operation && status < 300 && status !== 204) {
    throw new Error(`contract has no JSON ${status} response for ${method} ${template}`)
  }
  compiled.set(key, validator)
  return validator
}

/** Throws with the contract's complaints when a 2xx JSON body does not match. */
export function checkContract(method: string, path: string, status: number, body: unknown): void {
  if (status < 200 || status >= 300) return
  const validate = validatorFor(method, path, status)
  if (!validate || validate(body)) return
  throw new Error(`${method} ${path} ${status} breaks the contract: ${JSON.stringify(validate.errors, null, 1)}`)
}
