/**
 * Hydrates the server-rendered document. Translations for the page's
 * namespaces come from the cached /resources/locales route before hydration,
 * so the first client render matches the server's.
 */
import { RemixBrowser } from '@remix-run/react'
import { StrictMode, startTransition } from 'react'
import { hydrateRoot } from 'react-dom/client'
import type { i18n as I18n } from 'i18next'
import { I18nextProvider } from 'react-i18next'
import { getInitialNamespaces } from 'remix-i18next/client'
import { BrowserI18n } from './i18n/browser-i18n.ts'
import { DEFAULT_LANG, isLang } from './i18n/config.ts'
import { noteEarlyTyping } from './ui/early-typing.ts'

async function hydrate() {
	noteEarlyTyping()
	const lng = document.documentElement.dataset.lang
	const i18n = await new BrowserI18n(isLang(lng) ? lng : DEFAULT_LANG).init(getInitialNamespaces())

	startTransition(() => {
		hydrateRoot(
			document,
			<I18nextProvider i18n={i18n as unknown as I18n}>
				<StrictMode>
					<RemixBrowser />
				</StrictMode>
			</I18nextProvider>,
		)
	})
}

void hydrate()
