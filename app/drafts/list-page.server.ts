/**
 * `/{lang}/drafts`: the drafts the reader may see, most recently changed
 * first, filtered by group, status and translation status. The public sees
 * published drafts of public groups; members their groups' work too. A
 * filter naming a group the reader may not see shows nothing, like an
 * unknown one.
 */
import { getSession } from '#app/auth/auth.server.ts'
import { can, type Actor } from '#app/auth/permissions.ts'
import { DEFAULT_TIME_ZONE } from '#app/i18n/config.ts'
import { formatDateTime } from '#app/i18n/format.ts'
import { getFixedT, pageMeta } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { encodeCursor, parseCursor } from '#app/http/keyset.queries.server.ts'
import type { Args } from './access.server.ts'
import { listCreatableGroups, listDrafts, listReadableGroups, TRANSLATION_FILTERS, type TranslationFilter } from './drafts.queries.server.ts'
import { draftTitle } from './editor-page.server.ts'
import { draftPaths, draftPathsWithoutLang } from './links.ts'
import { DRAFT_STATUSES, type DraftStatus } from './model.ts'
import { summaryStatus } from './translation.ts'

const GROUP_SLUG = /^[a-z0-9-]{1,80}$/

export async function loadDraftListPage(args: Args) {
	const lang = requireLang(args.params)
	const current = await getSession(args)
	const actor: Actor = current ? { id: current.user.id, role: current.user.role } : null
	const search = new URL(args.request.url).searchParams
	const group = search.get('group')
	const status = search.get('status')
	const translation = search.get('translation')
	// A malformed cursor is no cursor: the first page, never an error.
	const before = parseCursor(search.get('before'))
	const filters = {
		group: group && GROUP_SLUG.test(group) ? group : null,
		status: (DRAFT_STATUSES as readonly string[]).includes(status ?? '') ? (status as DraftStatus) : null,
		translation: (TRANSLATION_FILTERS as readonly string[]).includes(translation ?? '') ? (translation as TranslationFilter) : null,
	}
	const [t, requested, groups, creatable] = await Promise.all([
		getFixedT(lang, 'drafts'),
		listDrafts({ actor, lang, groupSlug: filters.group, status: filters.status, translation: filters.translation, before }),
		listReadableGroups({ actor, lang }),
		actor ? listCreatableGroups({ actor, lang }) : [],
	])
	// A cursor past the end (an old bookmark, an edited URL) shows the first page.
	const paged = before !== null && requested.items.length > 0
	const page = paged || !before ? requested : await listDrafts({ actor, lang, groupSlug: filters.group, status: filters.status, translation: filters.translation })
	const timeZone = current?.user.timeZone ?? DEFAULT_TIME_ZONE[lang]
	return {
		lang,
		meta: await pageMeta(lang, { page: t('list.title'), description: t('list.description') }),
		// Each page its own canonical (the cursor kept, a broken one dropped), as the news listing's.
		seo: { path: draftPathsWithoutLang.list({ ...filters, before: paged ? encodeCursor(before) : null }) },
		filters,
		groups: groups.map((g) => ({ slug: g.slug, name: g.name })),
		signedIn: actor !== null,
		newHref: creatable.some((g) => can(actor, 'draft:create', { group: { visibility: g.visibility, membership: g.membership } }))
			? draftPaths.new(lang, filters.group)
			: null,
		drafts: page.items.map((draft) => ({
			id: draft.id,
			title: draftTitle(draft, lang),
			titleLang: draft.title[lang] ? lang : lang === 'en' ? ('zh' as const) : ('en' as const),
			status: draft.status,
			group: draft.groupName,
			updated: formatDateTime(lang, draft.updatedAt, { timeZone }),
			updatedDateTime: draft.updatedAt.toISOString(),
			summary: { sections: draft.sections, outdated: draft.outdated, missing: draft.missing, current: draft.sections - draft.outdated - draft.missing },
			translation: summaryStatus(draft),
			href: draftPaths.draft(lang, draft.id),
		})),
		olderHref: page.older ? draftPaths.list(lang, { ...filters, before: encodeCursor(page.older) }) : null,
		newestHref: paged ? draftPaths.list(lang, filters) : null,
	}
}
