// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { Tabs } from './tabs'

afterEach(cleanup)

const tabs = [
  { id: 'api', label: 'API', content: <p>api body</p> },
  { id: 'cli', label: 'CLI', content: <p>cli body</p> },
]

describe('Tabs', () => {
  it('gives each tab a panel of its own, labelled by that tab', async () => {
    render(<Tabs label="Preview" tabs={tabs} />)
    const [api, cli] = screen.getAllByRole('tab')
    expect(api?.getAttribute('aria-controls')).not.toBe(cli?.getAttribute('aria-controls'))
    await userEvent.click(cli!)
    const panel = screen.getByRole('tabpanel')
    expect(panel.id).toBe(cli?.getAttribute('aria-controls'))
    expect(panel.getAttribute('aria-labelledby')).toBe(cli?.id)
    expect(panel.textContent).toBe('cli body')
  })

  it('moves and selects with the arrow keys, wrapping around', async () => {
    render(<Tabs label="Preview" tabs={tabs} />)
    await userEvent.click(screen.getByRole('tab', { name: 'CLI' }))
    await userEvent.keyboard('{ArrowRight}')
    expect(screen.getByRole('tab', { name: 'API' }).getAttribute('aria-selected')).toBe('true')
    expect(screen.getByRole('tabpanel').textContent).toBe('api body')
  })
})
