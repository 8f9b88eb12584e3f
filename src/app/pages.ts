import { useEffect, useState, type ComponentType } from 'react'

/** A page's code in its own chunk, fetched once however often it is asked for. */
export interface PageModule<P> {
  load: () => Promise<ComponentType<P>>
  loaded?: ComponentType<P>
}

function pageModule<P>(importPage: () => Promise<ComponentType<P>>): PageModule<P> {
  let loading: Promise<ComponentType<P>> | undefined
  const module: PageModule<P> = {
    load: () => (loading ??= importPage().then((page) => (module.loaded = page))),
  }
  return module
}

// Forms for signed-out visitors load on their own: a signed-in session never needs them. The
// tokens page is its own chunk too, so the entry script (and the shell it paints) stays small.
export const pages = {
  signIn: pageModule(() => import('@/features/auth/signin-page').then((m) => m.SignInPage)),
  setup: pageModule(() => import('@/features/auth/setup-page').then((m) => m.SetupPage)),
  tokens: pageModule(() => import('@/features/tokens/components/tokens-page').then((m) => m.TokensPage)),
  review: pageModule(() => import('@/features/tokens/components/review-page').then((m) => m.ReviewPage)),
}

/**
 * The page once its code is here, undefined until then (the route shows its skeleton). Not
 * React.lazy: React holds back revealing a suspended page for up to 300 ms after its fallback
 * showed, even when the code, preloaded, arrives a moment later. A failed load is thrown to the
 * error boundary.
 */
export function usePage<P>(module: PageModule<P>): ComponentType<P> | undefined {
  const [state, setState] = useState<{ page?: ComponentType<P>; failure?: { error: unknown } }>(() => ({ page: module.loaded }))
  useEffect(() => {
    if (state.page) return
    let current = true
    module.load().then(
      (page) => current && setState({ page }),
      (error: unknown) => current && setState({ failure: { error } }),
    )
    return () => {
      current = false
    }
  }, [module, state.page])
  if (state.failure) throw state.failure.error
  return state.page
}
