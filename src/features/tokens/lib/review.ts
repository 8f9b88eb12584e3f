/**
 * The token review: which tokens of an org carry a risk, worked out from the lists the page reads
 * already (the org's tokens, its buckets, the users). One pass over the tokens and their
 * permissions; what depends only on a permission list is worked out once per list, since the
 * token list shares one list among all the tokens that hold the same permissions.
 */
import type { Authorization, Bucket, Permission, User } from '@/api/contract'
import { tokenKind, type TokenKind } from './permissions'
import { permissionKey } from '@/api/permission-sets'

export type FindingID =
  | 'operator'
  | 'all-access'
  | 'undescribed-privileged'
  | 'owner-inactive'
  | 'owner-gone'
  | 'dangling'
  | 'unusable'
  | 'duplicates'
  | 'writes-everywhere'
  | 'inactive'

export type BulkAction = 'deactivate' | 'delete'

export interface Finding {
  id: FindingID
  title: string
  /** One line: why these tokens are a risk. */
  risk: string
  tokenIDs: string[]
  /** For duplicates: the IDs of each group of identical tokens. */
  groups?: string[][]
  /** The bulk actions that make sense for every token of the finding. */
  actions: BulkAction[]
}

export interface ReviewInput {
  orgID: string
  auths: readonly Authorization[]
  buckets: ReadonlyArray<Pick<Bucket, 'id' | 'orgID' | 'type'>>
  users: readonly User[]
  /** Whether `users` holds every user: an operator reads them all, anyone else only themselves. */
  usersComplete: boolean
}

export interface Review {
  /** The findings with at least one token, in RULES order. */
  findings: Finding[]
  /** Rules that could not be checked with what the caller may read. */
  unchecked: FindingID[]
}

type Rule = Omit<Finding, 'tokenIDs' | 'groups'>

/** Every rule, in the order the review shows them. */
export const RULES: readonly Rule[] = [
  {
    id: 'operator',
    title: 'Operator tokens',
    risk: 'Full access to every organization, user and token: one leak hands over the whole instance.',
    actions: [],
  },
  {
    id: 'all-access',
    title: 'All-access tokens',
    risk: 'Can read, change and delete everything in this organization, other tokens included.',
    actions: [],
  },
  {
    id: 'undescribed-privileged',
    title: 'Operator and all-access tokens without a description',
    risk: 'Nobody can tell what uses them, so nobody dares to revoke them.',
    actions: [],
  },
  {
    id: 'owner-inactive',
    title: 'Tokens of inactive users',
    risk: 'They work again the moment their user is reactivated.',
    actions: ['deactivate', 'delete'],
  },
  {
    id: 'owner-gone',
    title: 'Tokens of deleted users',
    risk: 'Their owner no longer exists, so nobody answers for them.',
    actions: ['delete'],
  },
  {
    id: 'dangling',
    title: 'Tokens naming deleted buckets',
    risk: 'Their scope names buckets that no longer exist: what they are for is no longer what they say.',
    actions: [],
  },
  {
    id: 'unusable',
    title: 'Tokens with no usable permission',
    risk: 'They can do nothing any more and only hide real risks in the list.',
    actions: ['delete'],
  },
  {
    id: 'duplicates',
    title: 'Duplicate tokens',
    risk: 'Same owner, same permissions: more copies of one secret to leak and to rotate.',
    actions: [],
  },
  {
    id: 'writes-everywhere',
    title: 'Tokens that can write every bucket',
    risk: 'One leak lets anyone overwrite or pollute all the data of this organization.',
    actions: [],
  },
  {
    id: 'inactive',
    title: 'Inactive tokens',
    risk: 'Unused, yet one click away from working again: candidates for deletion.',
    actions: ['delete'],
  },
]

/** What the review needs to know of one permission list, the same for every token that shares it. */
interface ListFacts {
  kind: TokenKind
  /** The same number for two lists with the same permissions, in whatever order. */
  setID: number
  dangling: boolean
  unusable: boolean
  writesEverywhere: boolean
}

interface OrgBuckets {
  orgID: string
  ids: ReadonlySet<string>
  /** The org's own (non-system) buckets. */
  userBuckets: ReadonlySet<string>
}

/** A bucket permission by ID that this org could hold and that names no bucket of the org. */
function isDangling({ type, id, orgID }: Permission['resource'], org: OrgBuckets): boolean {
  if (type !== 'buckets' || id === undefined) return false
  // A bucket of another org is not in the org's list: it cannot be judged from here.
  if (orgID !== undefined && orgID !== org.orgID) return false
  return !org.ids.has(id)
}

/** Write on every bucket by a wildcard: for this org or every org, or `instance` (every type). */
function writesAnyBucket({ type, id, orgID }: Permission['resource'], org: OrgBuckets): boolean {
  if (type === 'instance') return true
  return type === 'buckets' && id === undefined && (orgID === undefined || orgID === org.orgID)
}

/** One pass over the list; writing every bucket by ID counts the org's own buckets only. */
function listFacts(permissions: readonly Permission[], org: OrgBuckets, setIDs: Map<string, number>): ListFacts {
  let danglingCount = 0
  let writesEverywhere = false
  const written = new Set<string>()
  const keys = new Set<string>()
  for (const p of permissions) {
    keys.add(permissionKey(p))
    if (isDangling(p.resource, org)) danglingCount++
    if (p.action !== 'write' || writesEverywhere) continue
    if (writesAnyBucket(p.resource, org)) writesEverywhere = true
    else if (p.resource.type === 'buckets' && p.resource.id !== undefined && org.userBuckets.has(p.resource.id)) written.add(p.resource.id)
  }
  const setKey = [...keys].sort().join('\n')
  let setID = setIDs.get(setKey)
  if (setID === undefined) setIDs.set(setKey, (setID = setIDs.size))
  return {
    kind: tokenKind(permissions as Permission[]),
    setID,
    dangling: danglingCount > 0 && danglingCount < permissions.length,
    unusable: danglingCount === permissions.length,
    writesEverywhere: writesEverywhere || (org.userBuckets.size > 0 && written.size === org.userBuckets.size),
  }
}

/** The findings for one org's tokens. Only active tokens carry risks; inactive ones are one finding. */
export function reviewTokens({ orgID, auths, buckets, users, usersComplete }: ReviewInput): Review {
  const orgBuckets = buckets.filter((b) => b.orgID === orgID)
  const org: OrgBuckets = {
    orgID,
    ids: new Set(orgBuckets.map((b) => b.id)),
    userBuckets: new Set(orgBuckets.filter((b) => b.type !== 'system').map((b) => b.id)),
  }
  const userStatus = new Map(users.map((u) => [u.id, u.status ?? 'active']))
  const factsByList = new Map<readonly Permission[], ListFacts>()
  const setIDs = new Map<string, number>()
  const found = new Map<FindingID, string[]>(RULES.map((rule) => [rule.id, []]))
  const add = (id: FindingID, auth: Authorization) => found.get(id)?.push(auth.id)
  const sameTokens = new Map<string, string[]>()

  for (const auth of auths) {
    if (auth.status !== 'active') {
      add('inactive', auth)
      continue
    }
    let facts = factsByList.get(auth.permissions)
    if (!facts) factsByList.set(auth.permissions, (facts = listFacts(auth.permissions, org, setIDs)))
    const privileged = facts.kind === 'operator' || facts.kind === 'all-access'
    if (privileged) add(facts.kind as FindingID, auth)
    if (privileged && auth.description.trim() === '') add('undescribed-privileged', auth)
    const status = userStatus.get(auth.userID)
    if (status === 'inactive') add('owner-inactive', auth)
    else if (status === undefined && usersComplete) add('owner-gone', auth)
    if (facts.dangling) add('dangling', auth)
    if (facts.unusable) add('unusable', auth)
    // Operator and all-access tokens write every bucket too, but they are reported as such.
    if (facts.writesEverywhere && !privileged) add('writes-everywhere', auth)
    const key = `${auth.userID} ${facts.setID}`
    const group = sameTokens.get(key)
    if (group) group.push(auth.id)
    else sameTokens.set(key, [auth.id])
  }

  const groups = [...sameTokens.values()].filter((group) => group.length > 1)
  const findings = RULES.flatMap((rule): Finding[] => {
    const tokenIDs = rule.id === 'duplicates' ? groups.flat() : (found.get(rule.id) ?? [])
    if (tokenIDs.length === 0) return []
    return [rule.id === 'duplicates' ? { ...rule, tokenIDs, groups } : { ...rule, tokenIDs }]
  })
  return { findings, unchecked: usersComplete ? [] : ['owner-gone'] }
}

export function findRule(id: string | null): Rule | undefined {
  return RULES.find((rule) => rule.id === id)
}
