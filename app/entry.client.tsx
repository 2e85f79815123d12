/**
 * Hydrates the server-rendered document. Translations for the page's
 * namespaces come from the cached /resources/locales route before hydration,
 * so the first client render matches the server's.
 */
import { RemixBrowser } from '@remix-run/react'
import i18next from 'i18next'
import { StrictMode, startTransition } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { getInitialNamespaces } from 'remix-i18next/client'
import { DEFAULT_LANG, i18nConfig, isLang } from './i18n/config.ts'
import { localesBackend } from './i18n/locales-backend.ts'
import { noteEarlyTyping } from './ui/early-typing.ts'

async function hydrate() {
	noteEarlyTyping()
	const lng = document.documentElement.dataset.lang
	await i18next
		.use(initReactI18next)
		.use(localesBackend)
		.init({
			...i18nConfig,
			lng: isLang(lng) ? lng : DEFAULT_LANG,
			// Both languages ship every key (a unit test checks): loading the
			// English fallback on Chinese pages would be three wasted requests.
			fallbackLng: false,
			ns: getInitialNamespaces(),
		})

	startTransition(() => {
		hydrateRoot(
			document,
			<I18nextProvider i18n={i18next}>
				<StrictMode>
					<RemixBrowser />
				</StrictMode>
			</I18nextProvider>,
		)
	})
}

void hydrate()
