/** What changes between two permission lists, as the server sees them. */
import type { Permission } from '@/api/contract'
import { permissionKey, uniquePermissions } from '@/api/permission-sets'

/** Compared by action, type, id and orgID (the server ignores name and org); duplicates collapse. */
export function diffPermissions(before: Permission[], after: Permission[]): { added: Permission[]; removed: Permission[] } {
  const missingFrom = (list: Permission[]) => {
    const keys = new Set(list.map(permissionKey))
    return (permission: Permission) => !keys.has(permissionKey(permission))
  }
  return {
    added: uniquePermissions(after).filter(missingFrom(before)),
    removed: uniquePermissions(before).filter(missingFrom(after)),
  }
}
