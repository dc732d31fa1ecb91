// The yardstick for the renderer bench: the smallest Vite + React page, built the same way.
import { StrictMode, useEffect } from 'react'
import { createRoot } from 'react-dom/client'

function Blank() {
  // Marked the way the app marks its first screen, so both are timed alike.
  useEffect(() => void performance.mark('fraktdesk:ready'), [])
  return <h1 data-ready>Blank</h1>
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Blank />
  </StrictMode>
)
