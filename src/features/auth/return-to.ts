import { paths } from '@/config/paths'

/** Only same-site paths may be returned to after sign-in: never another origin. */
export function safeReturnTo(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return paths.home.build()
  if (value.startsWith(paths.signIn.pattern) || value.startsWith(paths.setup.pattern)) return paths.home.build()
  return value
}
