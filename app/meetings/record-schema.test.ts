import { parseWithZod } from '@conform-to/zod'
import { describe, expect, test } from 'vitest'
import { filledRows, isDueDate, PARSE_OPTIONS, recordEditorSchema, reviewSchema } from './record-schema.ts'

function form(entries: Record<string, string | string[]>) {
	const data = new FormData()
	for (const [name, value] of Object.entries(entries)) for (const v of [value].flat()) data.append(name, v)
	return data
}

describe('the minutes editor form', () => {
	test('empty rows and an empty language are no error; filled rows are kept in order', () => {
		const submission = parseWithZod(
			form({
				version: '',
				'en.body': '# Minutes\n\nAgreed.  ',
				'zh.body': '',
				'zh.upToDate': 'on',
				'decisions[0].id': '',
				'decisions[0].en': 'Adopt',
				'decisions[0].zh': '',
				'decisions[1].en': '',
				'decisions[1].zh': '',
				'actionItems[0].en': '',
				'actionItems[0].ownerId': '',
				'actionItems[0].dueDate': '',
				'actionItems[1].zh': '写信',
				'actionItems[1].ownerId': 'u1',
				'actionItems[1].dueDate': '2026-12-01',
			}),
			{ schema: recordEditorSchema, ...PARSE_OPTIONS },
		)
		expect(submission.status).toBe('success')
		if (submission.status !== 'success') return
		expect(submission.value.version).toBeUndefined()
		expect(submission.value.en).toEqual({ body: '# Minutes\n\nAgreed.', upToDate: false })
		expect(submission.value.zh.upToDate).toBe(true)
		const rows = filledRows(submission.value)
		expect(rows.decisions).toEqual([{ id: '', en: 'Adopt', zh: '' }])
		expect(rows.actionItems).toEqual([{ id: '', en: '', zh: '写信', ownerId: 'u1', dueDate: '2026-12-01' }])
	})

	test('translated messages for what is missing or wrong, never an exception', () => {
		const submission = parseWithZod(
			form({ 'en.body': '  ', 'actionItems[0].en': 'Write', 'actionItems[0].dueDate': '2026-02-31', 'decisions[0].en': 'x'.repeat(2001), 'decisions[0].id': 'drop table' }),
			{ schema: recordEditorSchema, ...PARSE_OPTIONS },
		)
		expect(submission.status).toBe('error')
		const error = submission.reply().error!
		expect(error['']).toEqual(['records:errors.minutes-required'])
		expect(error['actionItems[0].ownerId']).toEqual(['records:errors.owner-required'])
		expect(error['actionItems[0].dueDate']).toEqual(['records:errors.due-invalid'])
		expect(error['decisions[0].en']).toEqual(['records:errors.decision-too-long'])
		expect(error['decisions[0].id']).toEqual(['validation:invalid'])
	})

	test('NUL and other control characters are refused', () => {
		const submission = parseWithZod(form({ 'en.body': 'a\u0000b' }), { schema: recordEditorSchema, ...PARSE_OPTIONS })
		expect(submission.reply().error?.['en.body']).toEqual(['validation:text.control'])
	})

	test('due dates are real calendar dates in the sane window', () => {
		expect(isDueDate('2026-12-01')).toBe(true)
		expect(isDueDate('2026-02-29')).toBe(false)
		expect(isDueDate('1899-01-01')).toBe(false)
		expect(isDueDate('12/01/2026')).toBe(false)
	})
})

describe('the review forms', () => {
	test('one checked reviewer or several; none is refused', () => {
		const one = parseWithZod(form({ intent: 'request-review', version: '2', reviewers: '11' }), { schema: reviewSchema, ...PARSE_OPTIONS })
		expect(one.status === 'success' && one.value).toEqual({ intent: 'request-review', version: 2, reviewers: ['11'], reviewerEmail: '' })
		const two = parseWithZod(form({ intent: 'request-review', version: '2', reviewers: ['11', '12'] }), { schema: reviewSchema, ...PARSE_OPTIONS })
		expect(two.status === 'success' && two.value.intent === 'request-review' && two.value.reviewers).toEqual(['11', '12'])
		const none = parseWithZod(form({ intent: 'request-review', version: '2', reviewerEmail: '' }), { schema: reviewSchema, ...PARSE_OPTIONS })
		expect(none.reply().error?.reviewers).toEqual(['records:errors.reviewers-required'])
	})

	test('a reviewer from outside the group by address: alone or with ticked ones; a malformed address is refused', () => {
		const byAddress = parseWithZod(form({ intent: 'request-review', version: '2', reviewerEmail: ' Official@Example.ORG ' }), { schema: reviewSchema, ...PARSE_OPTIONS })
		expect(byAddress.status === 'success' && byAddress.value).toEqual({ intent: 'request-review', version: 2, reviewers: [], reviewerEmail: 'official@example.org' })
		const both = parseWithZod(form({ intent: 'request-review', version: '2', reviewers: '11', reviewerEmail: 'a@example.org' }), { schema: reviewSchema, ...PARSE_OPTIONS })
		expect(both.status).toBe('success')
		const malformed = parseWithZod(form({ intent: 'request-review', version: '2', reviewers: '11', reviewerEmail: 'not an address' }), { schema: reviewSchema, ...PARSE_OPTIONS })
		expect(malformed.reply().error?.reviewerEmail).toEqual(['validation:email.invalid'])
	})

	test('a request for changes needs a comment; an approval needs the hash shown', () => {
		const changes = parseWithZod(form({ intent: 'request-changes', version: '1', agendaItemId: '', body: ' ' }), { schema: reviewSchema, ...PARSE_OPTIONS })
		expect(changes.reply().error?.body).toEqual(['records:errors.changes-comment-required'])
		const approve = parseWithZod(form({ intent: 'approve', version: '1', hash: 'abc' }), { schema: reviewSchema, ...PARSE_OPTIONS })
		expect(approve.status).toBe('error')
		const unknown = parseWithZod(form({ intent: 'delete-everything', version: '1' }), { schema: reviewSchema, ...PARSE_OPTIONS })
		expect(unknown.status).toBe('error')
	})
})
