// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Organization, Permission, User } from '@/api/contract'
import { Dialog } from '@/components/ui/dialog'
import { makeAuth, ME, ORG } from '../lib/test-fixtures'
import { GenerateDialogFrame } from './generate-dialog-frame'

const org: Organization = { id: ORG, name: 'acme' }
const me: User = { id: ME, name: 'alice' }
const PERMISSIONS: Permission[] = [{ action: 'read', resource: { type: 'buckets', orgID: ORG } }]
const permissionsFor = () => PERMISSIONS

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

/** The API as the frame sees it; the POST that creates the token answers when the test says so. */
function fakeApi() {
  let answerPost: (response: Response) => void = () => {}
  const posts: unknown[] = []
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost')
    if (init?.method === 'POST' && url.pathname === '/api/v2/authorizations') {
      posts.push(JSON.parse(String(init.body)))
      return new Promise<Response>((resolve) => (answerPost = resolve))
    }
    if (url.pathname === '/api/v2/authorizations') return json({ authorizations: [], links: {} })
    if (url.pathname === '/api/v2/buckets') return json({ buckets: [], links: {} })
    if (url.pathname === '/api/v2/resources') return json(['buckets', 'orgs'])
    return json({ code: 'not found', message: `no fake for ${url.pathname}` }, 404)
  })
  return { fetch, posts, answerPost: (response: Response) => answerPost(response) }
}

function renderFrame() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  render(
    <QueryClientProvider client={client}>
      <Dialog open>
        <GenerateDialogFrame title="Generate Test Token" org={org} me={me} permissionsFor={permissionsFor} ready onClose={() => {}} />
      </Dialog>
    </QueryClientProvider>,
  )
  return screen.getByRole('dialog', { name: 'Generate Test Token' })
}

let api: ReturnType<typeof fakeApi>
beforeEach(() => {
  api = fakeApi()
  vi.stubGlobal('fetch', api.fetch)
  window.history.replaceState(null, '', '/orgs/x/tokens')
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('GenerateDialogFrame', () => {
  it('shows the description in the request preview as it is typed', async () => {
    const dialog = renderFrame()
    const preview = within(dialog).getByRole('region', { name: 'Request preview' })
    expect(JSON.parse(within(preview).getByLabelText('JSON body').textContent ?? '')).toMatchObject({ description: '' })
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Description' }), 'ci writer')
    expect(JSON.parse(within(preview).getByLabelText('JSON body').textContent ?? '')).toEqual({
      orgID: ORG,
      description: 'ci writer',
      permissions: PERMISSIONS,
    })
  })

  it('disables Save and says so while saving, and keeps every input when the save fails', async () => {
    const dialog = renderFrame()
    const description = within(dialog).getByRole('textbox', { name: 'Description' })
    await userEvent.type(description, 'ci writer')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }))

    const saving = await within(dialog).findByRole('button', { name: 'Saving…' })
    expect(saving).toHaveProperty('disabled', true)
    expect(saving.getAttribute('aria-busy')).toBe('true')
    expect(api.posts).toEqual([{ orgID: ORG, description: 'ci writer', permissions: PERMISSIONS }])

    api.answerPost(json({ code: 'invalid', message: 'permissions are not valid' }, 400))
    expect(await within(dialog).findByRole('alert')).toHaveProperty('textContent', 'Failed to create token: permissions are not valid')
    expect(description).toHaveProperty('value', 'ci writer')
    expect(within(dialog).getByRole('button', { name: 'Save' })).toHaveProperty('disabled', false)
  })

  it('shows the created token once the save succeeds', async () => {
    const dialog = renderFrame()
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Description' }), 'ci writer')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }))
    api.answerPost(json(makeAuth({ id: '0a0b0c0d0e0f1011', description: 'ci writer', token: 'secret-token-value' }), 201))
    const created = await screen.findByRole('dialog', { name: 'Token created' })
    expect(within(created).getByRole('textbox', { name: 'Token' })).toHaveProperty('value', 'secret-token-value')
  })
})
