import { StrictMode } from 'react'
import { App } from './App'

/** What the window renders, and what the build prerenders: the two must be the same tree to hydrate. */
export function AppRoot() {
  return (
    <StrictMode>
      <App />
    </StrictMode>
  )
}
