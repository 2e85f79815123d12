/**
 * `/{lang}/search?q=…`: the search page's data. Filters (type, working group,
 * content language, date range) and the page number come from the URL, each
 * bounded (anything unknown or malformed is ignored, never an error); the
 * reader decides what can be found (app/search/search.queries.server.ts
 * filters inside SQL, counts included).
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { getUser } from '#app/auth/auth.server.ts'
import { getGroupAccess, getGroupNames, listMemberGroupIds } from '#app/groups/public.server.ts'
import { isSaneDate } from '#app/forms/fields.ts'
import { DEFAULT_TIME_ZONE, isLang, LANGS, type Lang } from '#app/i18n/config.ts'
import { formatDate, formatNumber } from '#app/i18n/format.ts'
import { getFixedT, pageMeta } from '#app/i18n/i18next.server.ts'
import { localizePath, requireLang } from '#app/i18n/lang.ts'
import { MAX_PAGE, searchDocuments } from './search.queries.server.ts'
import { SEARCH_KINDS, type SearchFilters, type SearchKind } from './types.ts'

type Args = Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>

/** Longer queries are cut by the analyzer anyway; this only bounds what is echoed. */
const QUERY_MAX_CHARS = 500
const DAY = /^\d{4}-\d{2}-\d{2}$/
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const DAY_MS = 24 * 60 * 60 * 1000

function isKind(value: string | null): value is SearchKind {
	return value !== null && (SEARCH_KINDS as readonly string[]).includes(value)
}

/** `YYYY-MM-DD` as the start of that day in UTC, within the sane window; else null. */
function dayParam(value: string | null): Date | null {
	if (!value || !DAY.test(value)) return null
	const date = new Date(`${value}T00:00:00Z`)
	return isSaneDate(date) ? date : null
}

export async function loadSearchPage({ request, params, context }: Args) {
	const lang = requireLang(params)
	const url = new URL(request.url)
	// Lone surrogates and NUL cannot be searched or echoed safely: dropped here.
	const q = (url.searchParams.get('q') ?? '').slice(0, QUERY_MAX_CHARS).replace(LONE_SURROGATE, '\uFFFD').replace(/\u0000/g, '')
	const type = url.searchParams.get('type')
	const contentLang = url.searchParams.get('lang')
	const from = dayParam(url.searchParams.get('from'))
	const to = dayParam(url.searchParams.get('to'))
	const requestedPage = Number(url.searchParams.get('page') ?? '1')
	const page = Number.isInteger(requestedPage) && requestedPage >= 1 && requestedPage <= MAX_PAGE ? requestedPage : 1

	const user = await getUser({ request, context })
	const actor = user ? { id: user.id, role: user.role } : null
	const groupSlug = url.searchParams.get('group')
	const group = groupSlug && groupSlug.length <= 120 && SLUG.test(groupSlug) ? await getGroupAccess({ slug: groupSlug, actor }) : null
	const filters: SearchFilters = {
		kinds: isKind(type) ? [type] : undefined,
		groupId: group?.id,
		contentLang: isLang(contentLang) ? contentLang : undefined,
		from: from ?? undefined,
		// The "to" day is included: the bound is the next day's start.
		to: to ? new Date(to.getTime() + DAY_MS) : undefined,
	}
	const reader = user ? { userId: user.id, isAdmin: user.role === 'admin', groupIds: await listMemberGroupIds(user.id) } : null
	const [t, answer] = await Promise.all([
		getFixedT(lang, 'search'),
		searchDocuments({ q, lang, reader, now: context.now, filters, page }),
	])
	const groupNames = await getGroupNames({ ids: Object.keys(answer.facets.group), lang })
	const timeZone = user?.timeZone ?? DEFAULT_TIME_ZONE[lang]

	/** This page's address with some parameters changed (a filter chip, a page link). */
	const hrefWith = (changes: Record<string, string | null>) => {
		const next = new URLSearchParams()
		const current: Record<string, string | null> = {
			q: q || null,
			type: filters.kinds?.[0] ?? null,
			group: group?.slug ?? null,
			lang: filters.contentLang ?? null,
			from: url.searchParams.get('from') && from ? url.searchParams.get('from') : null,
			to: url.searchParams.get('to') && to ? url.searchParams.get('to') : null,
			page: null,
			...changes,
		}
		for (const [key, value] of Object.entries(current)) if (value) next.set(key, value)
		const search = next.toString()
		return `${localizePath(lang, '/search')}${search ? `?${search}` : ''}`
	}
	// Past COUNT_CAP matches the counts are lower bounds: "1,000+".
	const capped = answer.status === 'ok' && answer.capped
	const countText = (count: number) => (capped ? t('capped', { n: formatNumber(lang, count) }) : formatNumber(lang, count))
	const pages = answer.status === 'ok' ? Math.min(MAX_PAGE, Math.ceil(answer.total / answer.pageSize)) : 0

	return {
		lang,
		meta: await pageMeta(lang, { page: q ? t('title-query', { q }) : t('title'), description: t('description') }),
		// Result pages are for people, not search engines.
		seo: { path: '/search', noindex: true },
		q,
		status: answer.status,
		emptyReason: answer.status === 'empty' ? answer.reason : null,
		match: answer.status === 'ok' ? answer.match : null,
		truncated: answer.truncated,
		total: answer.total,
		totalText: countText(answer.total),
		results: answer.results.map((result) => ({
			key: `${result.kind}:${result.refId}:${result.lang}`,
			kind: result.kind,
			contentLang: result.lang,
			href: localizePath(lang, result.urlParts.path ?? '/'),
			// HTML-escaped by the search module, matches in <mark>.
			titleHtml: result.titleHtml,
			snippetHtml: result.snippetHtml,
			date: formatDate(lang, result.date, { timeZone }),
			dateTime: result.date.toISOString(),
			group: result.groupId ? (groupNames.get(result.groupId)?.name ?? null) : null,
		})),
		filters: {
			kinds: SEARCH_KINDS.filter((kind) => answer.facets.kind[kind] || filters.kinds?.[0] === kind).map((kind) => ({
				value: kind,
				count: countText(answer.facets.kind[kind] ?? 0),
				active: filters.kinds?.[0] === kind,
				href: hrefWith({ type: filters.kinds?.[0] === kind ? null : kind }),
			})),
			langs: LANGS.filter((l) => answer.facets.lang[l] || filters.contentLang === l).map((l: Lang) => ({
				value: l,
				count: countText(answer.facets.lang[l] ?? 0),
				active: filters.contentLang === l,
				href: hrefWith({ lang: filters.contentLang === l ? null : l }),
			})),
			groups: Object.entries(answer.facets.group).flatMap(([id, count]) => {
				const g = groupNames.get(id)
				return g
					? [{ value: g.slug, label: g.name, count: countText(count), active: group?.slug === g.slug, href: hrefWith({ group: group?.slug === g.slug ? null : g.slug }) }]
					: []
			}),
			from: url.searchParams.get('from') && from ? url.searchParams.get('from')! : '',
			to: url.searchParams.get('to') && to ? url.searchParams.get('to')! : '',
			hidden: { type: filters.kinds?.[0] ?? '', group: group?.slug ?? '', lang: filters.contentLang ?? '' },
		},
		clearHref: q ? hrefWith({ type: null, group: null, lang: null, from: null, to: null }) : null,
		pages: Array.from({ length: pages }, (_, i) => ({ number: i + 1, label: formatNumber(lang, i + 1), href: hrefWith({ page: i === 0 ? null : String(i + 1) }), current: i + 1 === page })),
	}
}
