/**
 * The minutes editor's server side: who may edit (the group's leads and
 * members, admins), the form's starting values (both languages, decisions,
 * action items, a few empty rows to fill in), and the save, which answers a
 * conflict, a refused owner or a cancelled meeting with the form exactly as
 * typed and a translated message.
 */
import { data, redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { parseForm } from '#app/forms/submission.ts'
import { requirePermission } from '#app/auth/auth.server.ts'
import { translationState } from '#app/documents/translation-status.ts'
import { notFound } from '#app/http/errors.ts'
import { LANGS, otherLang, type Lang } from '#app/i18n/config.ts'
import { formatDateTime } from '#app/i18n/format.ts'
import { getFixedT, pageMeta } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { loadRecordContext } from './record-access.server.ts'
import type { RecordSnapshot } from './record-hash.ts'
import { recordPaths, recordPathsWithoutLang } from './record-links.ts'
import { saveRecordContent } from './record-operations.server.ts'
import { meetingTitle } from './record-page.server.ts'
import { EMPTY_ROWS, filledRows, PARSE_OPTIONS, recordEditorSchema } from './record-schema.ts'
import { getCurrentSnapshot, listGroupPeople } from './records.queries.server.ts'

type Args = Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>

async function requireEditor(args: Args) {
	const ctx = await loadRecordContext(args)
	const { user } = await requirePermission(args, 'record:edit', ctx.target)
	return { ...ctx, user }
}

function editorDefaults(version: number | null, snapshot: RecordSnapshot | null) {
	const emptyDecision = { id: '', en: '', zh: '' }
	const emptyItem = { id: '', en: '', zh: '', ownerId: '', dueDate: '' }
	return {
		version: version === null ? undefined : String(version),
		en: { body: snapshot?.versions.en?.bodyMarkdown ?? '' },
		zh: { body: snapshot?.versions.zh?.bodyMarkdown ?? '' },
		decisions: [...(snapshot?.decisions ?? []), ...Array.from({ length: EMPTY_ROWS }, () => emptyDecision)],
		actionItems: [
			...(snapshot?.actionItems.map((item) => ({ id: item.id, en: item.en, zh: item.zh, ownerId: item.ownerId, dueDate: item.dueDate })) ?? []),
			...Array.from({ length: EMPTY_ROWS }, () => emptyItem),
		],
	}
}

export async function loadRecordEditor(args: Args) {
	const lang = requireLang(args.params)
	const { meeting, group, record, user } = await requireEditor(args)
	const [t, snapshot, people] = await Promise.all([
		getFixedT(lang, 'records'),
		record ? getCurrentSnapshot({ recordId: record.id }) : null,
		listGroupPeople({ groupId: group.id }),
	])
	const title = meetingTitle(meeting.titles, lang)
	return {
		lang,
		meta: await pageMeta(lang, { page: t('editor.title', { title }), description: t('editor.description') }),
		seo: { path: recordPathsWithoutLang.edit(meeting.id), noindex: true },
		meetingId: meeting.id,
		title,
		cancelled: meeting.cancelledAt !== null,
		status: record?.status ?? null,
		version: record?.version ?? null,
		defaultValue: editorDefaults(record?.version ?? null, snapshot),
		translation: Object.fromEntries(
			LANGS.map((l) => {
				const v = snapshot?.versions[l]
				return [l, v ? { state: translationState(v, snapshot?.versions[otherLang(l)]), revision: v.revision } : null]
			}),
		) as Record<Lang, { state: ReturnType<typeof translationState>; revision: number } | null>,
		owners: people.filter((p) => p.active).map((p) => ({ value: p.id, label: p.name })),
		recordHref: recordPaths.record(lang, meeting.id),
		timeZone: user.timeZone,
	}
}

export async function handleRecordEditor(args: Args) {
	const lang = requireLang(args.params)
	const { meeting, user, scope } = await requireEditor(args)
	const submission = parseForm(await args.request.formData(), { schema: recordEditorSchema, ...PARSE_OPTIONS })
	if (submission.status !== 'success') return data({ result: submission.reply(), conflict: null }, { status: 400 })
	const form = submission.value
	if (meeting.cancelledAt) {
		return data({ result: submission.reply({ formErrors: ['records:errors.meeting-cancelled'] }), conflict: null }, { status: 400 })
	}
	const rows = filledRows(form)
	const result = await saveRecordContent({
		scope,
		actor: { id: user.id, role: user.role, name: user.name },
		expectedVersion: form.overwrite ?? form.version ?? null,
		input: {
			versions: { en: form.en, zh: form.zh },
			decisions: rows.decisions.map(({ en, zh }) => ({ en, zh })),
			actionItems: form.actionItems
				.map((item, formIndex) => ({ ...item, formIndex }))
				.filter((item) => rows.actionItems.includes(form.actionItems[item.formIndex]!)),
		},
		now: args.context.now,
	})
	switch (result.kind) {
		case 'saved':
			return redirect(recordPaths.record(lang, meeting.id, 'saved'))
		case 'unchanged':
			return redirect(recordPaths.record(lang, meeting.id, 'unchanged'))
		case 'cancelled':
			return data({ result: submission.reply({ formErrors: ['records:errors.meeting-cancelled'] }), conflict: null }, { status: 400 })
		case 'invalid':
			return data({ result: submission.reply({ fieldErrors: result.fieldErrors }), conflict: null }, { status: 400 })
		case 'not-found':
			notFound()
		case 'conflict':
			// Nothing was written; the form comes back exactly as typed, with who saved in between.
			return data(
				{
					result: submission.reply({ formErrors: ['records:errors.conflict'] }),
					conflict: {
						version: result.current.version,
						savedBy: result.current.savedBy,
						savedAt: formatDateTime(lang, result.current.savedAt, { timeZone: user.timeZone }),
					},
				},
				{ status: 409 },
			)
	}
}
