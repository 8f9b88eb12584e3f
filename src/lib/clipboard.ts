export const COPY_FAILED_MESSAGE = 'Copying failed. Select the token and copy it with Ctrl+C (⌘C on a Mac).'

/**
 * Copies text. The Clipboard API exists only in secure contexts (HTTPS or localhost), so plain-HTTP
 * deployments fall back to selecting the given input and the legacy copy command.
 */
export async function copyText(text: string, input?: HTMLInputElement | null): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text)
      return
    } catch {
      // Permission denied or document not focused: the legacy path may still work.
    }
  }
  if (!input) throw new Error(COPY_FAILED_MESSAGE)
  input.focus()
  input.select()
  let copied: boolean
  try {
    copied = document.execCommand('copy')
  } catch {
    copied = false
  }
  if (!copied) throw new Error(COPY_FAILED_MESSAGE)
}
