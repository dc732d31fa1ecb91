/** Hosts whose https pages may be opened in the user's browser (Bring, Mybring, Posten, tracking). */
export const externalHostAllowlist = ['bring.com', 'mybring.com', 'posten.no', 'tracking.bring.com', 'bring.no']

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false
  const host = url.hostname.toLowerCase()
  return externalHostAllowlist.some((allowed) => host === allowed || host.endsWith(`.${allowed}`))
}

/**
 * The app's own renderer: the packaged pages (file://, one per UI language) or, in development,
 * the Vite dev server origin. Anything else (an iframe, a navigated page) is not allowed to call IPC.
 */
export function createTrustedSenderCheck(trusted: { fileUrls?: string[]; origins?: string[] }): (senderUrl: string | undefined) => boolean {
  return (senderUrl) => {
    if (!senderUrl) return false
    let url: URL
    try {
      url = new URL(senderUrl)
    } catch {
      return false
    }
    if (url.protocol === 'file:') {
      // Host too: file://evil-share/… is a network path (UNC on Windows), not the app's own file.
      return (trusted.fileUrls ?? []).some((fileUrl) => {
        const own = new URL(fileUrl)
        return url.host === own.host && url.pathname === own.pathname
      })
    }
    return (trusted.origins ?? []).includes(url.origin)
  }
}
