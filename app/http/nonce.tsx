/**
 * The CSP nonce of the current response, created by the server per request
 * and given to every <script> Remix renders. Empty in the browser: scripts
 * added after hydration come from 'self'.
 */
import { createContext, useContext } from 'react'

const NonceContext = createContext('')

export const NonceProvider = NonceContext.Provider

export function useNonce(): string {
	return useContext(NonceContext)
}
