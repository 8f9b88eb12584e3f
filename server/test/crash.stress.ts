import { expect, it } from 'vitest'
import { crashCycle, describeCrash } from './crash.ts'

// From "right after the first answer" to "thousands of tokens in, past several WAL checkpoints",
// at once (a kill between answers) or a few milliseconds later (a kill inside the server's work).
const KILL_POINTS: [killAfter: number, delayMs: number][] = [[1, 0], [10, 3], [100, 0], [250, 7], [500, 1], [1500, 0], [3000, 13]]

it.each(KILL_POINTS)('keeps every answered token when SIGKILLed after %i creations (+%i ms)', async (killAfter, delayMs) => {
  const figures = await crashCycle(killAfter, delayMs)
  console.log(`crash: ${describeCrash(figures)}`)
  expect(figures.created).toBeGreaterThanOrEqual(killAfter)
  expect(figures).toMatchObject({ lost: 0, partial: 0, integrity: 'ok', leaked: 0 })
  expect(figures.extra).toBeGreaterThanOrEqual(0)
  expect(figures.extra).toBeLessThanOrEqual(figures.unanswered)
})
