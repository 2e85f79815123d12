/**
 * Where to go after signing in: only a path on this site. `//evil.example`,
 * `/\evil.example`, `/..//evil.example`, `https://…` and anything odd fall
 * back to `fallback`.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string): string {
	if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback
	// Control characters and backslashes can turn into another host in some browsers.
	if (/[\u0000-\u001f\\]/.test(to)) return fallback
	try {
		const url = new URL(to, 'http://same.invalid')
		const target = `${url.pathname}${url.search}${url.hash}`
		// Dot segments normalise `/..//evil.example` into the protocol-relative
		// `//evil.example`; encoded control characters have no place here either.
		if (url.host !== 'same.invalid' || target.startsWith('//') || /%(?:[01][0-9a-f]|7f)/i.test(target)) return fallback
		return target
	} catch {
		return fallback
	}
}
