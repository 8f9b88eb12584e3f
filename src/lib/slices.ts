/** The longest stretch of work between two yields to the browser: well under a frame. */
const SLICE_MS = 8

/** `user-visible` work waits for nothing; `background` work lets everything else go first. */
export type SlicePriority = 'user-visible' | 'background'

/** Resolves in a task of its own, after whatever input and rendering the browser has waiting. */
function nextTask(priority: SlicePriority): Promise<void> {
  // Browsers without prioritised tasks run it as the next ordinary task.
  if (typeof scheduler !== 'undefined') return scheduler.postTask(() => {}, { priority })
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}

/**
 * For long work done on the page in small steps: `pause()` after each step resolves at once until
 * SLICE_MS have passed since the last yield, and then yields to the browser for a task, so that
 * the page still answers input and paints. It throws the abort reason once `signal` aborts.
 */
export function taskSlicer(signal?: AbortSignal, priority: SlicePriority = 'user-visible'): () => Promise<void> {
  let sliceStart = performance.now()
  return async () => {
    signal?.throwIfAborted()
    if (performance.now() - sliceStart < SLICE_MS) return
    await nextTask(priority)
    signal?.throwIfAborted()
    sliceStart = performance.now()
  }
}
