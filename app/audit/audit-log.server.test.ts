import { describe, expect, test } from 'vitest'
import { getFixedT } from '#app/i18n/i18next.server.ts'
import { describeDetails } from './audit-log.server.ts'

describe('audit details as words', () => {
	test('a role change and an invitation read as roles and languages, in the admin’s language', async () => {
		const t = await getFixedT('zh', ['admin', 'auth', 'account'])
		expect(describeDetails({ t, lang: 'zh', event: 'role_changed', details: { from: 'researcher', to: 'editor' } }).map((d) => d.text)).toEqual([
			`${t('auth:roles.researcher')} → ${t('auth:roles.editor')}`,
		])
		const invitation = describeDetails({ t, lang: 'zh', event: 'invitation_created', details: { role: 'official', lang: 'en' } }).map((d) => d.text)
		expect(invitation).toEqual([t('admin:audit.detail.role', { role: t('auth:roles.official') }), t('admin:audit.detail.language', { language: t('admin:audit.languages.en') })])
	})

	test('a content action names its post, links to its history, and names replaced fields', async () => {
		const t = await getFixedT('en', ['admin', 'auth', 'account'])
		const parts = describeDetails({ t, lang: 'en', event: 'post_overwritten', details: { postId: '12', title: 'Trade talks', version: 4, fields: 'en.title,zh.body,tags' } })
		expect(parts).toEqual([
			{ text: '“Trade talks” (post 12)', href: '/en/newsroom/12/history' },
			{ text: 'Revision 4', href: null },
			{ text: 'Replaced: title (English), text (Chinese), tags', href: null },
		])
	})

	test('nothing recorded is hidden: unknown keys are shown as they are, never as JSON of the whole', async () => {
		const t = await getFixedT('en', ['admin', 'auth', 'account'])
		const parts = describeDetails({ t, lang: 'en', event: 'request_denied', details: { permission: 'admin:users:read', method: 'GET', path: '/en/admin', extra: 'x' } })
		expect(parts.map((p) => p.text)).toEqual(['GET /en/admin', 'Needed permission: admin:users:read', 'extra: x'])
	})
})
