/**
 * The one way a grant is put into words, so the summary, the dialogs, the clone comparison and
 * the details all say the same thing: "read data in all buckets of acme, including buckets
 * created later".
 */
import { typeNoun } from './resource-types'

export type GrantVerb = 'read' | 'write' | 'read and write'

/** "a, b and c"; `conjunction` is "or" for things a token cannot do. */
export function joinList(items: string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`
}

/** The orgs a type-wide grant covers, by name; null for every organization (operator style). */
export function orgsWords(orgs: string[] | null): string {
  return orgs ? joinList(orgs) : 'every organization'
}

/** What a type-wide grant reaches: "all buckets of acme, including buckets created later". */
export function allOfType(type: string, orgs: string[] | null): string {
  const later = type === 'buckets' ? ', including buckets created later' : ''
  return `all ${typeNoun(type)} of ${orgsWords(orgs)}${later}`
}

const MAX_NAMES = 5

/** "bucket telemetry", "3 buckets (a, b, c)", "7 buckets (a, b, c, d, e and 2 more)". */
export function namedOfType(type: string, names: string[]): string {
  const noun = typeNoun(type)
  if (names.length === 1) return `${noun.replace(/s$/, '')} ${names[0]}`
  const shown = names.slice(0, MAX_NAMES).join(', ')
  const more = names.length - MAX_NAMES
  return `${names.length} ${noun} (${more > 0 ? `${shown} and ${more} more` : shown})`
}

/** The verb and what it reaches; bucket grants are about the data in them. */
export function grantPhrase(verb: GrantVerb, type: string, target: string): string {
  return `${verb} ${type === 'buckets' ? 'data in ' : ''}${target}`
}
