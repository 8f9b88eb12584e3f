import { describe, expect, it } from 'vitest'
import { taskSlicer } from './slices'

const busy = (ms: number) => {
  const until = performance.now() + ms
  while (performance.now() < until);
}

describe('taskSlicer', () => {
  it('lets other tasks run between slices of a long piece of work', async () => {
    const pause = taskSlicer()
    const order: string[] = []
    setTimeout(() => order.push('other task'), 0)
    for (let step = 0; step < 20; step++) {
      busy(2)
      order.push(`step ${step}`)
      await pause()
    }
    const other = order.indexOf('other task')
    expect(other).toBeGreaterThan(0)
    expect(other).toBeLessThan(order.length - 1)
  })

  it('does not yield while a slice still has time', async () => {
    const pause = taskSlicer()
    let ran = false
    setTimeout(() => (ran = true), 0)
    await pause()
    await pause()
    expect(ran).toBe(false)
  })

  it('throws the abort reason once aborted', async () => {
    const controller = new AbortController()
    const pause = taskSlicer(controller.signal)
    await pause()
    controller.abort(new Error('no longer wanted'))
    await expect(pause()).rejects.toThrow('no longer wanted')
  })
})
