/**
 * A record's history: every saved version (who, when, what changed), one
 * version read as it was saved, and what changed from the version before it
 * (word-level diffs that work in Chinese). Signed versions say so. For those
 * who read the record's current version: its group, reviewers, admins.
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { requirePermission } from '#app/auth/auth.server.ts'
import { diffText, type DiffPart } from '#app/documents/diff.ts'
import type { RevisionListItem } from '#app/documents/revision-list.tsx'
import { getRevision, listRevisions } from '#app/documents/versioning.queries.server.ts'
import { notFound } from '#app/http/errors.ts'
import { DEFAULT_TIME_ZONE, HTML_LANG, LANGS, type Lang } from '#app/i18n/config.ts'
import { formatDateTime } from '#app/i18n/format.ts'
import { getFixedT, pageMeta } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { loadRecordContext } from './record-access.server.ts'
import type { RecordSnapshot } from './record-hash.ts'
import { recordPaths, recordPathsWithoutLang } from './record-links.ts'
import { formatDueDate, meetingTitle } from './record-page.server.ts'
import { getUserNames, getVersionSnapshot, listSignoffs, RECORD_TABLES } from './records.queries.server.ts'

type Args = Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>

/** Decisions and action items as lines of text, so a version's rows diff like prose. */
function rowsAsText(snapshot: RecordSnapshot | null, lang: Lang, names: Map<string, string>, pageLang: Lang): string {
	if (!snapshot) return ''
	const decisions = snapshot.decisions.map((d, i) => `${i + 1}. ${d[lang]}`)
	const items = snapshot.actionItems.map((a, i) => `${i + 1}. ${a[lang]} — ${names.get(a.ownerId) ?? a.ownerId}, ${formatDueDate(pageLang, a.dueDate)}`)
	return [...decisions, '', ...items].join('\n')
}

export async function loadRecordHistory(args: Args) {
	const lang = requireLang(args.params)
	const ctx = await loadRecordContext(args)
	await requirePermission(args, 'record:read', ctx.target)
	const { record, meeting, user } = ctx
	if (!record) notFound()
	const t = await getFixedT(lang, 'records')
	const timeZone = user?.timeZone ?? DEFAULT_TIME_ZONE[lang]
	const time = (date: Date) => formatDateTime(lang, date, { timeZone })
	const revisionId = new URL(args.request.url).searchParams.get('revision')
	const [revisions, signoffs, selected] = await Promise.all([
		listRevisions({ tables: RECORD_TABLES, id: record.id }),
		listSignoffs({ recordId: record.id }),
		revisionId ? getRevision<RecordSnapshot>({ tables: RECORD_TABLES, id: record.id, revisionId }) : null,
	])
	if (revisionId && !selected) notFound()
	const signedVersions = new Set(signoffs.map((s) => s.version))
	const title = meetingTitle(meeting.titles, lang)
	const items: RevisionListItem[] = revisions.map((r) => ({
		id: r.id,
		heading: `${t('history.version', { version: r.version })} · ${t(`history.action.${r.action as 'update'}`)}${signedVersions.has(r.version) ? ` · ${t('history.signed')}` : ''}`,
		byline: `${time(r.createdAt)} · ${r.authorName ? t('history.by', { name: r.authorName }) : t('history.unknown-author')}`,
		changes: r.changedFields.length > 0 ? t('history.changed', { fields: r.changedFields.map((f) => t(`fields.${f.replace('.', '-') as 'decisions'}`, { defaultValue: f })).join(t('list-separator')) }) : null,
		href: recordPaths.history(lang, meeting.id, r.id),
		current: r.version === record.version,
	}))

	let detail = null
	if (selected) {
		const previous = selected.version > 1 ? await getVersionSnapshot({ recordId: record.id, version: selected.version - 1 }) : null
		const names = await getUserNames({ ids: [...selected.snapshot.actionItems, ...(previous?.actionItems ?? [])].map((a) => a.ownerId) })
		const diffs = {} as Record<Lang, { minutes: DiffPart[]; rows: DiffPart[] }>
		for (const l of LANGS) {
			diffs[l] = {
				minutes: diffText({ before: previous?.versions[l]?.bodyMarkdown ?? '', after: selected.snapshot.versions[l]?.bodyMarkdown ?? '', lang: HTML_LANG[l] }),
				rows: diffText({ before: rowsAsText(previous, l, names, lang), after: rowsAsText(selected.snapshot, l, names, lang), lang: HTML_LANG[l] }),
			}
		}
		detail = { id: selected.id, version: selected.version, createdAt: time(selected.createdAt), signed: signedVersions.has(selected.version), diffs }
	}
	return {
		lang,
		meta: await pageMeta(lang, { page: t('history.title', { title }), description: t('history.description') }),
		seo: { path: recordPathsWithoutLang.history(meeting.id), noindex: true },
		title,
		recordHref: recordPaths.record(lang, meeting.id),
		items,
		selected: detail,
	}
}
