/**
 * The public news listing's data: newest first, filtered by topic (`?tag=`)
 * and working group (`?group=`), paged by keyset cursors (`?before=` for
 * older posts, `?after=` for newer). Everything is a plain link, so
 * filtering and paging work without JavaScript.
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { getUser } from '#app/auth/auth.server.ts'
import { listWorkingGroups } from '#app/groups/public.server.ts'
import { groupPath } from '#app/groups/public.ts'
import { getFixedT, pageMeta } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { encodeCursor, parseCursor } from '#app/http/keyset.queries.server.ts'
import { listPublicNews, listPublicTags } from './articles.queries.server.ts'
import { publicDateFormatter } from './dates.ts'
import { articlePath, listingPath, listingPathWithoutLang, newsFeedPath, type ListingQuery } from './links.ts'
import { SLUG_MAX, SLUG_PATTERN } from './schema.ts'

type Args = Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>

/** A filter value as the URL gives it: a slug, or nothing (anything else is ignored). */
function slugParam(value: string | null): string | null {
	return value && value.length <= SLUG_MAX && SLUG_PATTERN.test(value) ? value : null
}

export async function loadListingPage({ request, params, context }: Args) {
	const lang = requireLang(params)
	const url = new URL(request.url)
	const tag = slugParam(url.searchParams.get('tag'))
	const group = slugParam(url.searchParams.get('group'))
	// A malformed cursor is no cursor: the first page, never an error.
	const before = parseCursor(url.searchParams.get('before'))
	const after = before ? null : parseCursor(url.searchParams.get('after'))
	const now = context.now

	// Groups show and filter only when the reader may see them (a private group's are its members').
	const user = await getUser({ request, context })
	const [t, tags, groups, requested] = await Promise.all([
		getFixedT(lang, 'news'),
		listPublicTags({ lang, now }),
		listWorkingGroups({ lang, actor: user }),
		listPublicNews({ lang, now, tag, group, before, after, actor: user }),
	])
	// A cursor past either end (an old bookmark, an edited URL) shows the first page.
	const paged = Boolean(before || after) && requested.items.length > 0
	const page = paged || !(before || after) ? requested : await listPublicNews({ lang, now, tag, group, actor: user })

	// The same dates on /en and /zh for anonymous readers; the reader's own clock when signed in.
	const date = publicDateFormatter({ t, lang, timeZone: user?.timeZone ?? null })
	const filters = { tag, group }
	const tagLabel = tag ? (tags.find((x) => x.slug === tag)?.label ?? tag) : null
	const groupName = group ? (groups.find((x) => x.slug === group)?.name ?? group) : null
	const pageTitle =
		tagLabel && groupName
			? t('list.title-tag-group', { label: tagLabel, name: groupName })
			: tagLabel
				? t('list.title-tag', { label: tagLabel })
				: groupName
					? t('list.title-group', { name: groupName })
					: t('list.title')
	const current: ListingQuery = {
		...filters,
		before: paged && before ? encodeCursor(before) : null,
		after: paged && after ? encodeCursor(after) : null,
	}

	return {
		lang,
		meta: await pageMeta(lang, { page: pageTitle, description: t('list.description') }),
		// Canonical: this page itself, reduced to the parameters that decide
		// what it shows (in a fixed order; tracking parameters and broken
		// cursors dropped). A topic or group listing is a page of its own
		// worth finding, and pointing later pages at the first would hide
		// their posts from search engines (Google's advice for paginated
		// lists is a self-referencing canonical). An empty page is noindex.
		seo: { path: listingPathWithoutLang(current), noindex: page.items.length === 0 },
		heading: pageTitle,
		filters: {
			tag: tag ? { label: tagLabel!, clearHref: listingPath(lang, { group }) } : null,
			group: group
				? {
						label: groupName!,
						clearHref: listingPath(lang, { tag }),
						// The group's own page, for a group the reader may see.
						groupHref: groups.some((g) => g.slug === group) ? groupPath(lang, group) : null,
					}
				: null,
		},
		clearHref: listingPath(lang),
		feeds: { rss: newsFeedPath(lang, 'rss'), atom: newsFeedPath(lang, 'atom') },
		// Choosing a filter keeps the other one and starts from the newest post;
		// choosing the active one again removes it.
		tagChips: tags.map((x) => ({
			slug: x.slug,
			label: x.label,
			count: x.count,
			active: x.slug === tag,
			href: listingPath(lang, { group, tag: x.slug === tag ? null : x.slug }),
		})),
		groupChips: groups.map((g) => ({
			slug: g.slug,
			label: g.name,
			active: g.slug === group,
			href: listingPath(lang, { tag, group: g.slug === group ? null : g.slug }),
		})),
		items: page.items.map((item) => ({
			id: item.id,
			slug: item.slug,
			href: articlePath(lang, item.slug),
			title: item.title,
			summary: item.summary,
			contentLang: item.contentLang,
			date: date(item.publishedAt),
			dateTime: item.publishedAt.toISOString(),
			tags: item.tags.map((x) => ({ ...x, href: listingPath(lang, { tag: x.slug }) })),
			group: item.group ? { name: item.group.name, href: listingPath(lang, { group: item.group.slug }) } : null,
			cover: item.cover,
		})),
		newerHref: page.newer ? listingPath(lang, { ...filters, after: encodeCursor(page.newer) }) : null,
		olderHref: page.older ? listingPath(lang, { ...filters, before: encodeCursor(page.older) }) : null,
	}
}
