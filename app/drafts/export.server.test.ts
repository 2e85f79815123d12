/** The Markdown export: both languages one after the other, each with its title, details and sections. */
import { describe, expect, test } from 'vitest'
import { draftMarkdown } from './export.server.ts'

const counters = { revision: 1, translatedFromRevision: null }

describe('draftMarkdown', () => {
	test('English then Chinese, each language only with the sections it has, details in the reader\'s words', () => {
		const markdown = draftMarkdown({
			title: { en: 'Mutual Recognition Agreement', zh: '市场准入互认协议' },
			sections: [
				{ id: 'a', en: { heading: 'Purpose', level: 2, body: 'Certification.', ...counters }, zh: { heading: '目的', level: 2, body: '认证对接。', ...counters } },
				{ id: 'b', en: { heading: 'Annex', level: 2, body: '- Tests', ...counters }, zh: null },
			],
			meta: [{ label: '状态', value: '起草中' }],
			metaLine: ({ label, value }) => `${label}：${value}`,
		})
		expect(markdown).toBe(
			'# Mutual Recognition Agreement\n\n- 状态：起草中\n\n## Purpose\n\nCertification.\n\n## Annex\n\n- Tests\n\n---\n\n# 市场准入互认协议\n\n- 状态：起草中\n\n## 目的\n\n认证对接。\n',
		)
	})
})
