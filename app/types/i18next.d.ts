/** Typed translation keys: a key missing from locales/en fails typecheck. */
import 'i18next'
import type enCommon from '#locales/en/common.json'
import type enHome from '#locales/en/home.json'

declare module 'i18next' {
	interface CustomTypeOptions {
		defaultNS: 'common'
		resources: { common: typeof enCommon; home: typeof enHome }
	}
}
