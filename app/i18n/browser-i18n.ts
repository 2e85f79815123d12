/**
 * The translations object the browser's React (react-i18next, remix-i18next)
 * works with: namespaces fetched from /resources/locales/<lang>/<namespace>
 * (app/routes/resources.locales.$lng.$ns.ts, cached by the browser), read
 * by ./translate.ts. It offers what those libraries and the portal call on
 * an i18next instance (getFixedT, exists, hasLoadedNamespace,
 * loadNamespaces, loadLanguages, changeLanguage, on/off), and nothing else:
 * i18next itself stays on the server (docs/decisions/022).
 */
import { DEFAULT_NAMESPACE, i18nConfig } from './config.ts'
import { findText, translate, type Resources, type TranslateOptions } from './translate.ts'

type Listener = (...args: unknown[]) => void
type Callback = (error?: unknown) => void
type Fixed = ((key: string, options?: TranslateOptions) => string) & { lng: string; ns: string }

function localesPath(lang: string, namespace: string): string {
	return `/resources/locales/${encodeURIComponent(lang)}/${encodeURIComponent(namespace)}`
}

function asList(value: string | readonly string[] | undefined | null): string[] {
	return value === undefined || value === null ? [] : typeof value === 'string' ? [value] : [...value]
}

export class BrowserI18n {
	language: string
	languages: string[]
	readonly isInitialized = true
	readonly options: { defaultNS: string; ns: string[]; react: { useSuspense: boolean }; [name: string]: unknown }
	/** react-i18next's own bookkeeping, set on the instance it is given. */
	reportNamespaces?: unknown
	private readonly resources: Resources = {}
	private readonly loading = new Map<string, Promise<void>>()
	private readonly listeners = new Map<string, Set<Listener>>()
	/** react-i18next subscribes to store events when asked to (not by default): nothing is ever emitted there. */
	readonly store = { on: () => {}, off: () => {} }
	readonly services = { backendConnector: { backend: null, state: {} } }

	constructor(lng: string) {
		this.language = lng
		this.languages = [lng]
		this.options = { ...i18nConfig, defaultNS: DEFAULT_NAMESPACE, ns: [DEFAULT_NAMESPACE], react: { ...i18nConfig.react } }
	}

	/** Loads the page's namespaces: call before hydrating, so the first render reads as the server's did. */
	async init(namespaces: readonly string[]): Promise<this> {
		await this.loadNamespaces([DEFAULT_NAMESPACE, ...namespaces])
		return this
	}

	private load(lng: string, ns: string): Promise<void> {
		if (this.resources[lng]?.[ns] !== undefined) return Promise.resolve()
		const id = `${lng}|${ns}`
		let pending = this.loading.get(id)
		if (!pending) {
			pending = fetch(localesPath(lng, ns), { credentials: 'same-origin' })
				.then(async (response) => {
					if (!response.ok) throw new Error(`${response.status} for ${ns} (${lng})`)
					;(this.resources[lng] ??= {})[ns] = (await response.json()) as unknown
				})
				// A namespace that could not be read reads as its keys (as i18next does), and is asked for again next time.
				.catch((error: unknown) => console.error(error))
				.finally(() => this.loading.delete(id))
			this.loading.set(id, pending)
		}
		return pending
	}

	private async loadAll(lngs: readonly string[], namespaces: readonly string[]) {
		for (const ns of namespaces) if (!this.options.ns.includes(ns)) this.options.ns.push(ns)
		await Promise.all(lngs.flatMap((lng) => namespaces.map((ns) => this.load(lng, ns))))
	}

	loadNamespaces(ns: string | readonly string[], callback?: Callback): Promise<void> {
		const done = this.loadAll([this.language], asList(ns))
		void done.then(() => callback?.())
		return done
	}

	loadLanguages(lngs: string | readonly string[], callback?: Callback): Promise<void> {
		const done = this.loadAll(asList(lngs), this.options.ns)
		void done.then(() => callback?.())
		return done
	}

	hasLoadedNamespace(ns: string | readonly string[], options: { lng?: string | null } = {}): boolean {
		const lng = options.lng ?? this.language
		return asList(ns).every((name) => this.resources[lng]?.[name] !== undefined)
	}

	getFixedT(lng?: string | null, ns?: string | readonly string[] | null, keyPrefix?: string): Fixed {
		const namespace = asList(ns)[0] ?? DEFAULT_NAMESPACE
		const fixedLng = lng ?? null
		const t = (key: string, options?: TranslateOptions) =>
			translate(this.resources, fixedLng ?? this.language, namespace, keyPrefix ? `${keyPrefix}.${key}` : key, options)
		return Object.assign(t, { lng: fixedLng ?? this.language, ns: namespace })
	}

	t(key: string, options?: TranslateOptions): string {
		return this.getFixedT()(key, options)
	}

	exists(key: string, options: { lng?: string; ns?: string } = {}): boolean {
		return findText(this.resources, options.lng ?? this.language, options.ns ?? DEFAULT_NAMESPACE, key) !== undefined
	}

	/** Another language (a link between /en and /zh followed in the browser): its texts for every namespace in use, then the switch. */
	async changeLanguage(lng?: string, callback?: Callback): Promise<Fixed> {
		if (lng && lng !== this.language) {
			await this.loadAll([lng], this.options.ns)
			this.language = lng
			this.languages = [lng]
			this.emit('languageChanged', lng)
		}
		callback?.()
		return this.getFixedT()
	}

	dir(): 'ltr' {
		return 'ltr'
	}

	on(event: string, listener: Listener): this {
		for (const name of event.split(' ')) {
			let set = this.listeners.get(name)
			if (!set) this.listeners.set(name, (set = new Set()))
			set.add(listener)
		}
		return this
	}

	off(event: string, listener?: Listener): this {
		for (const name of event.split(' ')) {
			if (listener) this.listeners.get(name)?.delete(listener)
			else this.listeners.delete(name)
		}
		return this
	}

	private emit(event: string, ...args: unknown[]) {
		for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args)
	}
}
