/**
 * The JavaScript a page makes the browser load, gzip-compressed as the
 * server sends it: the module scripts and modulepreloads in the HTML, what
 * its inline scripts import, and, transitively, every static import of
 * those modules. Imports a module makes only later (`import()` inside a
 * module: other routes' code) are not counted.
 */
import { gzipSync } from 'node:zlib'

const SCRIPT_SRC = /<script\b[^>]*\bsrc="([^"]+)"/g
const MODULE_PRELOAD = /<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"|<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="modulepreload"/g
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g
/** `import "x"`, `import … from "x"`, `export … from "x"`, and in inline scripts `import("x")`. */
const STATIC_IMPORT = /\b(?:import|from)\s*["']([^"']+\.js)["']/g
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+\.js)["']\s*\)/g

export interface PageJavaScript {
	files: number
	gzipBytes: number
}

export async function measurePageJavaScript({ origin, pageUrl, html }: { origin: string; pageUrl: string; html: string }): Promise<PageJavaScript> {
	const pending: string[] = []
	const seen = new Set<string>()
	const add = (specifier: string, base: string) => {
		const url = new URL(specifier, base)
		if (url.origin !== origin || seen.has(url.href)) return
		seen.add(url.href)
		pending.push(url.href)
	}
	for (const match of html.matchAll(SCRIPT_SRC)) add(decode(match[1]!), pageUrl)
	for (const match of html.matchAll(MODULE_PRELOAD)) add(decode((match[1] ?? match[2])!), pageUrl)
	for (const match of html.matchAll(INLINE_SCRIPT)) {
		const code = match[1]!
		for (const imported of [...code.matchAll(STATIC_IMPORT), ...code.matchAll(DYNAMIC_IMPORT)]) add(imported[1]!, pageUrl)
	}
	let gzipBytes = 0
	while (pending.length > 0) {
		const url = pending.shift()!
		const response = await fetch(url)
		if (!response.ok) throw new Error(`${url}: ${response.status}`)
		const code = Buffer.from(await response.arrayBuffer())
		gzipBytes += gzipSync(code).length
		for (const imported of code.toString('utf8').matchAll(STATIC_IMPORT)) add(imported[1]!, url)
	}
	return { files: seen.size, gzipBytes }
}

function decode(attribute: string): string {
	return attribute.replaceAll('&amp;', '&')
}
