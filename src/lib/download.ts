/** Saves text as a file through the browser's download, with no server round trip. */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  // The click has handed the blob to the download already.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
