/** Typed translation keys: a key missing from locales/en fails typecheck. */
import 'i18next'
import type { resources } from '#app/i18n/resources.server.ts'

declare module 'i18next' {
	interface CustomTypeOptions {
		defaultNS: 'common'
		resources: (typeof resources)['en']
	}
}
