/**
 * A control that needs JavaScript, on a page that may ship none
 * (app/ui/hydration.ts). It is rendered `hidden` (never a dead button):
 * where the page hydrates, React shows it once it runs (`useHydrated`);
 * where it does not, the control's few lines from ./enhancements.ts run
 * inline under the page's CSP nonce, right after it (`<Enhancement>`), and
 * show it when the browser has what it needs.
 */
import { useEffect, useState } from 'react'
import { useNonce } from '#app/http/nonce.tsx'
import { usePageHydrates } from './hydration.ts'

/** False on the server and in the first render in the browser; true once React runs there. */
export function useHydrated(): boolean {
	const [hydrated, setHydrated] = useState(false)
	useEffect(() => setHydrated(true), [])
	return hydrated
}

/** The inline script that brings the element just before it to life, on pages that do not hydrate. */
export function Enhancement({ script }: { script: string }) {
	const nonce = useNonce()
	if (usePageHydrates()) return null
	return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />
}
