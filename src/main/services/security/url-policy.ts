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
 * The app's own renderer: the packaged index.html (file://) or, in development, the Vite dev
 * server origin. Anything else (an iframe, a navigated page) is not allowed to call IPC.
 */
export function createTrustedSenderCheck(trusted: { fileUrl?: string; origins?: string[] }): (senderUrl: string | undefined) => boolean {
  return (senderUrl) => {
    if (!senderUrl) return false
    let url: URL
    try {
      url = new URL(senderUrl)
    } catch {
      return false
    }
    if (url.protocol === 'file:') {
      if (trusted.fileUrl === undefined) return false
      const own = new URL(trusted.fileUrl)
      // Host too: file://evil-share/… is a network path (UNC on Windows), not the app's own file.
      return url.host === own.host && url.pathname === own.pathname
    }
    return (trusted.origins ?? []).includes(url.origin)
  }
}
