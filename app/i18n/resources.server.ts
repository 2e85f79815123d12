/**
 * Every translation, bundled into the server. The browser fetches the
 * namespaces it needs from /resources/locales/{lng}/{ns}.
 */
import enCommon from '#locales/en/common.json'
import enHome from '#locales/en/home.json'
import zhCommon from '#locales/zh/common.json'
import zhHome from '#locales/zh/home.json'
import type { Lang, Namespace } from './config.ts'

export const resources = {
	en: { common: enCommon, home: enHome },
	zh: { common: zhCommon, home: zhHome },
} satisfies Record<Lang, Record<Namespace, unknown>>
