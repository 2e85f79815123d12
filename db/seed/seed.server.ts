/**
 * Loads the demo content in both languages through the app's own functions
 * (the same saves the newsroom makes), so demo data obeys every rule real data
 * does: revisions, translation counters, the workflow. Idempotent: every item
 * is keyed by a natural key (slug, key, a post's slugs) and added only when
 * missing, so seeding twice changes nothing. One transaction: all or nothing.
 */
import { TZDate } from '@date-fns/tz'
import type { Sql } from '../sql.server.ts'
import { LANGS } from '#app/i18n/config.ts'
import { wallTimeToDate } from '#app/i18n/time-zone.ts'
import { createUser, getActiveUserByEmail } from '#app/accounts/users.queries.server.ts'
import { ensureMembershipByEmail, ensureWorkingGroup, findGroupIdBySlug } from '#app/groups/groups.queries.server.ts'
import { ensureAttendeeByEmail, findMeetingIdByTitle, insertMeeting } from '#app/meetings/meeting-save.queries.server.ts'
import { readMeeting } from '#app/meetings/meetings.queries.server.ts'
import { ensureDemoRecord } from '#app/meetings/record-demo.server.ts'
import { ensurePolicyComparison } from '#app/home/policy-comparison.queries.server.ts'
import { findPostIdBySlug } from '#app/news/newsroom.queries.server.ts'
import { savePost, type PostInput } from '#app/news/post-save.queries.server.ts'
import { ensureTag } from '#app/news/tags.queries.server.ts'
import { isDatabaseEmpty } from '#app/site/content-state.queries.server.ts'
import type { Queryable } from '../sql.server.ts'
import { seedContent } from './content/index.ts'
import { demoGroupMembers, demoMemberships } from './content/groups.ts'
import { ensureDrafts } from './drafts.server.ts'
import type { SeedContent, SeedMeeting, SeedNewsPost } from './types.ts'

export { isDatabaseEmpty }

export async function seed({
	sql,
	content = seedContent,
	now = new Date(),
}: {
	sql: Sql
	content?: SeedContent
	/** When the seed runs: drafts and scheduled posts are written then. */
	now?: Date
}): Promise<void> {
	await sql.begin(async (tx) => {
		for (const group of content.workingGroups) await ensureWorkingGroup(group, tx)
		for (const meeting of content.meetings) await ensureMeeting({ meeting, now, db: tx })
		await ensurePolicyComparison(content.comparison, tx)
		for (const tag of content.tags) await ensureTag(tag, tx)
		for (const post of content.newsPosts) await ensurePost({ post, now, db: tx })
		await ensureDrafts({ people: content.draftPeople, drafts: content.drafts, db: tx })
	})
}

/** Adds a demo post unless one of its slugs is taken (then it, or its successor, is there). */
async function ensurePost({ post, now, db }: { post: SeedNewsPost; now: Date; db: Queryable }) {
	for (const lang of LANGS) {
		const text = post.text[lang]
		if (text && (await findPostIdBySlug({ lang, slug: text.slug }, db))) return
	}
	const publishedAt = new Date(post.publishedAt)
	const status = post.status ?? 'published'
	// A post scheduled for a time that has passed since the demo was written is simply published then.
	const step = status === 'draft' ? 'save' : status === 'scheduled' && publishedAt > now ? 'schedule' : 'publish'
	// Published posts were written when they were published, not when the seed ran:
	// readers would otherwise see every demo post "updated" today.
	const writtenAt = step === 'publish' ? publishedAt : now
	const first = await savePost({
		postId: null,
		expectedVersion: null,
		actor: null,
		input: postInput(post, { earlierOriginal: post.revisedOriginal?.earlierBodyMarkdown }),
		step,
		publishAt: step === 'schedule' ? publishedAt : null,
		now: writtenAt,
		db,
	})
	if (first.kind !== 'saved') throw new Error(`Seed post ${post.key}: ${first.kind}`)
	if (post.revisedOriginal) {
		// The original's later revision, after the translation was made: it is now outdated.
		const revised = await savePost({
			postId: first.id,
			expectedVersion: first.version,
			actor: null,
			input: postInput(post, { translationConfirmed: false }),
			step: 'save',
			now: new Date(post.revisedOriginal.at),
			db,
		})
		if (revised.kind !== 'saved') throw new Error(`Seed post ${post.key}, revision: ${revised.kind}`)
	}
}

/**
 * The editor's input for a demo post. The version in the other language than
 * the original is its translation, confirmed as matching the original
 * (unless `translationConfirmed` is false).
 */
function postInput(
	post: SeedNewsPost,
	{ earlierOriginal, translationConfirmed = true }: { earlierOriginal?: string; translationConfirmed?: boolean },
): PostInput {
	const bilingual = LANGS.every((lang) => post.text[lang])
	const versions = {} as PostInput['versions']
	for (const lang of LANGS) {
		const text = post.text[lang]
		const isOriginal = lang === post.original
		versions[lang] = {
			slug: text?.slug ?? '',
			title: text?.title ?? '',
			summary: text?.summary ?? '',
			body: (isOriginal && earlierOriginal) || (text?.bodyMarkdown ?? ''),
			seoDescription: text?.seoDescription ?? '',
			coverAlt: '',
			upToDate: bilingual && !isOriginal && translationConfirmed,
		}
	}
	return { workingGroupSlug: post.groupSlug, coverMediaId: null, tags: post.tags, versions }
}

/* Meetings */

/**
 * A demo meeting's start and end: its weekday and wall-clock time in its
 * zone, `weeksFromNow` weeks from the week the seed runs in: upcoming ones
 * 1 to 7 days ahead for the first week, past ones 1 to 7 days back for the
 * last week (so always on the right side of `now`).
 */
export function seedMeetingTimes(meeting: SeedMeeting, now: Date): { startsAt: Date; endsAt: Date } {
	const today = new TZDate(now.getTime(), meeting.timeZone)
	const offsetDays =
		meeting.weeksFromNow > 0
			? ((meeting.weekday - today.getDay() + 7) % 7 || 7) + 7 * (meeting.weeksFromNow - 1)
			: -(((today.getDay() - meeting.weekday + 7) % 7 || 7) + 7 * (-meeting.weeksFromNow - 1))
	// Noon on the day: calendar arithmetic that no DST change can push across midnight.
	const day = new TZDate(today.getFullYear(), today.getMonth(), today.getDate() + offsetDays, 12, 0, 0, meeting.timeZone)
	const pad = (n: number) => String(n).padStart(2, '0')
	const startsAt = wallTimeToDate(`${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}T${meeting.time}`, meeting.timeZone)
	if (!startsAt) throw new Error(`Seed meeting ${meeting.title.en}: no such time ${meeting.time} in ${meeting.timeZone}`)
	return { startsAt, endsAt: new Date(startsAt.getTime() + meeting.durationMinutes * 60_000) }
}

/** Adds a demo meeting (with its agenda) unless its group already has one of that English title. */
async function ensureMeeting({ meeting, now, db }: { meeting: SeedMeeting; now: Date; db: Queryable }) {
	const groupId = await findGroupIdBySlug(meeting.groupSlug, db)
	if (!groupId) throw new Error(`Seed meeting ${meeting.title.en}: no group ${meeting.groupSlug}`)
	if (await findMeetingIdByTitle({ groupId, titleEn: meeting.title.en }, db)) return
	const { startsAt, endsAt } = seedMeetingTimes(meeting, now)
	await insertMeeting(
		{
			groupId,
			actorId: null,
			now,
			input: {
				titles: meeting.title,
				startsAt,
				endsAt,
				timeZone: meeting.timeZone,
				place: meeting.place,
				onlineUrl: meeting.onlineUrl,
				agenda: meeting.agenda.map((item) => ({ titleEn: item.en, titleZh: item.zh })),
				attendeeIds: [],
			},
		},
		db,
	)
}

/**
 * The demo's people in the working groups (demo mode only, after the demo
 * accounts): invented researchers and officials in Davis and Beijing,
 * everyone's group roles, and each demo meeting's attendees (the group's
 * members), with attendance recorded for past meetings. Idempotent.
 */
export async function seedDemoGroups({ sql, passwordHash, content = seedContent }: { sql: Sql; passwordHash: string; content?: SeedContent }): Promise<void> {
	await sql.begin(async (tx) => {
		for (const member of demoGroupMembers) await createUser({ ...member, passwordHash, ifEmailTaken: 'skip' }, tx)
		for (const membership of demoMemberships) await ensureMembershipByEmail(membership, tx)
		for (const meeting of content.meetings) {
			const groupId = await findGroupIdBySlug(meeting.groupSlug, tx)
			const meetingId = groupId ? await findMeetingIdByTitle({ groupId, titleEn: meeting.title.en }, tx) : null
			if (!meetingId) continue
			const invited = demoMemberships.filter((m) => m.groupSlug === meeting.groupSlug)
			for (const [index, member] of invited.entries()) {
				// Past meetings: everyone came but the last on the list, who sent apologies.
				const attendance = meeting.weeksFromNow < 0 ? (index === invited.length - 1 ? 'apologies' : 'present') : null
				await ensureAttendeeByEmail({ meetingId, email: member.email, attendance }, tx)
			}
		}
	})
}

/* Meeting records (minutes) */

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

/**
 * The demo minutes (demo mode: they need the demo members): written the day
 * after their meeting, sent for review an hour later, signed a day after
 * that, never later than the seed's run. A meeting that has minutes keeps them.
 */
export async function seedDemoRecords({ sql, content = seedContent, now = new Date() }: { sql: Sql; content?: SeedContent; now?: Date }): Promise<void> {
	await sql.begin(async (tx) => {
		const userId = async (email: string) => {
			const user = await getActiveUserByEmail(email, tx)
			if (!user) throw new Error(`Seed record: no active account ${email}`)
			return user.id
		}
		for (const record of content.records) {
			const groupId = await findGroupIdBySlug(record.groupSlug, tx)
			const meetingId = groupId ? await findMeetingIdByTitle({ groupId, titleEn: record.meetingTitleEn }, tx) : null
			const meeting = meetingId ? await readMeeting(meetingId, tx) : null
			if (!meeting) throw new Error(`Seed record: no meeting "${record.meetingTitleEn}" in ${record.groupSlug}`)
			const at = (ms: number) => new Date(Math.min(now.getTime() - HOUR_MS, meeting.endsAt.getTime() + ms))
			const writtenAt = at(DAY_MS)
			const dueDate = (days: number) => new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10)
			const actionItems = []
			for (const item of record.actionItems) {
				actionItems.push({ id: '', en: item.en, zh: item.zh, ownerId: await userId(item.ownerEmail), dueDate: dueDate(item.dueInDays) })
			}
			const reviewerIds = []
			for (const email of record.reviewerEmails) reviewerIds.push(await userId(email))
			await ensureDemoRecord(
				{
					meetingId: meeting.id,
					authorId: await userId(record.authorEmail),
					// The English is the original; the Chinese its translation, confirmed as current.
					input: {
						versions: { en: { body: record.minutes.en, upToDate: false }, zh: { body: record.minutes.zh, upToDate: true } },
						decisions: record.decisions,
						actionItems,
					},
					reviewerIds,
					outcome: record.outcome,
					times: { writtenAt, requestedAt: at(DAY_MS + HOUR_MS), signedAt: at(2 * DAY_MS) },
				},
				tx,
			)
		}
	})
}
