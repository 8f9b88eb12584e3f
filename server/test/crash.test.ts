import { expect, it } from 'vitest'
import { crashCycle, describeCrash } from './crash.ts'

// One kill point here; `npm run test:stress` (crash.stress.ts) runs several.
it('keeps every token whose creation was answered 201 across a SIGKILL', async () => {
  const figures = await crashCycle(150)
  console.log(`crash: ${describeCrash(figures)}`)
  expect(figures.created).toBeGreaterThanOrEqual(150)
  expect(figures).toMatchObject({ lost: 0, partial: 0, integrity: 'ok', leaked: 0 })
  expect(figures.extra).toBeGreaterThanOrEqual(0)
  expect(figures.extra).toBeLessThanOrEqual(figures.unanswered)
}, 60_000)
