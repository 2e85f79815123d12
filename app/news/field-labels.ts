/** Names of a post's fields as editors read them, in history and conflict notices. */
import type { TFunction } from 'i18next'
import { isLang } from '#app/i18n/config.ts'

/** A `t` that knows the newsroom namespace, from a component or a loader. */
type T = TFunction<'newsroom'>

/** `en.title` → "English: Title"; unknown names are shown as they are. */
export function fieldLabel(t: T, field: string): string {
	const [lang, name] = field.split('.') as [string, string | undefined]
	if (name && isLang(lang)) {
		return t('field-in-version', { version: t(`editor.version.${lang}`), field: t(`fields.${name}` as 'fields.title', { defaultValue: name }) })
	}
	return t(`fields.${field}` as 'fields.title', { defaultValue: field })
}
