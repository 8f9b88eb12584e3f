import { expect, it } from 'vitest'
import { crashCycle, describeCrash } from './crash.ts'

// From "right after the first answer" to "thousands of tokens in, past several WAL checkpoints".
const KILL_POINTS = [1, 10, 100, 500, 1500, 3000]

it.each(KILL_POINTS)('keeps every answered token when SIGKILLed after %i creations', async (killAfter) => {
  const figures = await crashCycle(killAfter)
  console.log(`crash: ${describeCrash(figures)}`)
  expect(figures.created).toBeGreaterThanOrEqual(killAfter)
  expect(figures).toMatchObject({ lost: 0, partial: 0, integrity: 'ok' })
  expect(figures.extra).toBeGreaterThanOrEqual(0)
  expect(figures.extra).toBeLessThanOrEqual(figures.unanswered)
})
