import type { Step } from './runner.ts'
import { authorizations } from './scenario-authorizations.ts'
import { beforeSetup, cast } from './scenario-cast.ts'
import { tenant } from './scenario-tenant.ts'
import { signout, writes } from './scenario-write.ts'

/** The whole scenario, in order: each part relies on the cast the earlier parts made. */
export const SCENARIO: Step[] = [...beforeSetup, ...cast, ...authorizations, ...tenant, ...writes, ...signout]
