/**
 * The working groups' pages: the list of groups a reader may see, and one
 * group's page (charter, leads and members with their affiliations,
 * upcoming and past meetings, the group's news, its policy drafts,
 * its calendar feed). A group the reader may not see is a 404, exactly like
 * an unknown slug. A member of a private group makes the secret address
 * of their calendar feed here.
 */
import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { getRequestClient, getUser, requirePermission } from '#app/auth/auth.server.ts'
import { can, type Actor } from '#app/auth/permissions.ts'
import { renderMarkdown } from '#app/content/markdown.server.ts'
import { listGroupDrafts } from '#app/drafts/public.server.ts'
import { draftPaths } from '#app/drafts/public.ts'
import { notFound } from '#app/http/errors.ts'
import { getSiteOrigin } from '#app/http/site.server.ts'
import { otherLang, type Lang } from '#app/i18n/config.ts'
import { formatDate } from '#app/i18n/format.ts'
import { getFixedT, pageMeta } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { listUpcomingAndPastMeetingCards, resetCalendarLink } from '#app/meetings/public.server.ts'
import { meetingPaths } from '#app/meetings/public.ts'
import { listPublicNews } from '#app/news/public.server.ts'
import { articlePath, listingPath } from '#app/news/public.ts'
import { getGroupAccess, type GroupAccess } from './access.queries.server.ts'
import { getGroupDetails, listGroupMembers, listWorkingGroups, type GroupDetails } from './groups.queries.server.ts'
import { groupPaths, groupPathsWithoutLang } from './links.ts'

type Args = Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>

const GROUP_MEETINGS_MAX = 10
const GROUP_NEWS_MAX = 5

/** The group's text in `lang`, else the other language's, with the language it is in. */
export function groupText(details: GroupDetails, lang: Lang) {
	const own = details.texts[lang]
	const shown = own ?? details.texts[otherLang(lang)] ?? { name: details.slug, summary: '', description: '' }
	return { ...shown, lang: own ? lang : otherLang(lang) }
}

export async function loadGroupsListPage({ request, params, context }: Args) {
	const lang = requireLang(params)
	const user = await getUser({ request, context })
	const [t, groups] = await Promise.all([getFixedT(lang, 'groups'), listWorkingGroups({ lang, actor: user, includeArchived: true })])
	return {
		lang,
		meta: await pageMeta(lang, { page: t('list.title'), description: t('list.description') }),
		seo: { path: groupPathsWithoutLang.list },
		groups: groups.map((g) => ({
			slug: g.slug,
			name: g.name,
			summary: g.summary,
			private: g.visibility === 'private',
			archived: g.archived,
			href: groupPaths.group(lang, g.slug),
		})),
		createHref: can(user, 'group:create') ? groupPaths.create(lang) : null,
		meetingsHref: meetingPaths.list(lang),
	}
}

/** The group as the reader stands in it, or a 404. */
export async function requireReadableGroup(args: Args): Promise<{ user: Awaited<ReturnType<typeof getUser>>; group: GroupAccess }> {
	const user = await getUser(args)
	const group = await getGroupAccess({ slug: args.params.slug ?? '', actor: user })
	if (!group) notFound()
	return { user, group }
}

async function groupNews({ lang, slug, now, actor, timeZone }: { lang: Lang; slug: string; now: Date; actor: Actor; timeZone: string | undefined }) {
	const page = await listPublicNews({ lang, now, group: slug, actor, limit: GROUP_NEWS_MAX })
	return page.items.map((item) => ({
		id: item.id,
		href: articlePath(lang, item.slug),
		title: item.title,
		contentLang: item.contentLang,
		date: formatDate(lang, item.publishedAt, { timeZone }),
		dateTime: item.publishedAt.toISOString(),
	}))
}

export async function loadGroupPage(args: Args) {
	const lang = requireLang(args.params)
	const { user, group } = await requireReadableGroup(args)
	const now = args.context.now
	const readerTimeZone = user?.timeZone ?? null
	const [t, details, members, { upcoming, past }, news, drafts] = await Promise.all([
		getFixedT(lang, 'groups'),
		getGroupDetails(group.id),
		listGroupMembers(group.id),
		listUpcomingAndPastMeetingCards({ actor: user, lang, now, groupId: group.id, readerTimeZone, upcoming: GROUP_MEETINGS_MAX, past: GROUP_MEETINGS_MAX }),
		groupNews({ lang, slug: group.slug, now, actor: user, timeZone: user?.timeZone }),
		listGroupDrafts({ groupId: group.id, actor: user, lang }),
	])
	if (!details) notFound()
	const text = groupText(details, lang)
	const isPrivate = group.target.visibility === 'private'
	const person = (m: (typeof members)[number]) => ({ id: m.userId, name: m.name, affiliation: m.affiliation, role: m.role })
	return {
		lang,
		meta: await pageMeta(lang, { page: text.name, description: text.summary || t('group.description', { name: text.name }) }),
		seo: { path: groupPathsWithoutLang.group(group.slug), noindex: isPrivate || group.archivedAt !== null },
		group: {
			slug: group.slug,
			name: text.name,
			summary: text.summary,
			contentLang: text.lang,
			// Rendered and sanitized on the server (app/content/markdown.server.ts).
			charterHtml: text.description.trim() ? renderMarkdown(text.description) : null,
			private: isPrivate,
			archived: group.archivedAt !== null,
		},
		membership: group.target.membership,
		leads: members.filter((m) => m.role === 'lead').map(person),
		members: members.filter((m) => m.role !== 'lead').map(person),
		upcoming,
		past,
		meetingsHref: meetingPaths.list(lang, { group: group.slug }),
		news,
		newsHref: listingPath(lang, { group: group.slug }),
		drafts,
		draftsHref: draftPaths.list(lang, { group: group.slug }),
		calendar: {
			// A public group's feed is public; a private one's needs the member's own secret address.
			publicHref: isPrivate ? null : groupPaths.calendar(lang, group.slug),
			canMakeSecretLink: isPrivate && user !== null,
		},
		links: {
			edit: can(user, 'group:edit', group.target) ? groupPaths.edit(lang, group.slug) : null,
			members: can(user, 'group:manage-members', group.target) ? groupPaths.members(lang, group.slug) : null,
			newMeeting: can(user, 'meeting:edit', { group: group.target }) && !group.archivedAt ? groupPaths.newMeeting(lang, group.slug) : null,
		},
	}
}

export interface GroupPageActionData {
	/** The private feed's address with its new secret: shown once, never stored. */
	calendarUrl: string | null
}

/**
 * The group page's one form: a member of a private group makes (or remakes)
 * their secret calendar address. A private group is readable only by its
 * members and admins, so whoever gets past the read check is signed in.
 */
export async function handleGroupPageAction(args: Args) {
	const lang = requireLang(args.params)
	const { group } = await requireReadableGroup(args)
	const formData = await args.request.formData()
	if (formData.get('intent') !== 'calendar-link' || group.target.visibility !== 'private') {
		return data<GroupPageActionData>({ calendarUrl: null }, { status: 400 })
	}
	const { user } = await requirePermission(args, 'group:read', group.target)
	const client = await getRequestClient(args)
	const token = await resetCalendarLink({ actor: user, ip: client.ip, now: args.context.now })
	const url = `${getSiteOrigin()}${groupPaths.calendar(lang, group.slug)}?${new URLSearchParams({ token })}`
	return data<GroupPageActionData>({ calendarUrl: url })
}
