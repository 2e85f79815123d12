/**
 * Every permission decision in the portal: one pure function, shared by the
 * server (loaders and actions call `require…` helpers built on it) and the
 * UI (which hides what a user may not do). Deny by default: a permission not
 * listed here does not exist, and the anonymous public has none of these.
 *
 * News: researchers write posts and submit them for review; editors and
 * admins edit any post and decide what the public sees.
 *
 * Working groups: a member's role in a group (lead, member, observer) scopes
 * what they may do there: `can(user, 'meeting:edit', { group })`, where
 * `group` says how the asker stands in it (`GroupTarget`, resolved per
 * request from their membership, so this module stays pure). Private groups
 * and everything in them exist only for their members and site admins;
 * observers read (and may comment and review) but never write.
 *
 * Most permissions need a signed-in member; a few (reading a public group,
 * its meetings, a published record or draft) are the public's too.
 */
export const ROLES = ['admin', 'editor', 'researcher', 'official'] as const
export type Role = (typeof ROLES)[number]

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/** Who is asking: a signed-in member, or null for the public. */
export type Actor = { id: string; role: Role } | null

/** Where a news post stands in its workflow (app/news/workflow.ts moves it). */
export const NEWS_STATUSES = ['draft', 'scheduled', 'published', 'archived'] as const
export type NewsStatus = (typeof NEWS_STATUSES)[number]

/** A news post someone wants to change: who wrote it and where it stands. */
export interface NewsPostTarget {
	authorId: string | null
	status: NewsStatus
}

/** A user an admin acts on. */
export interface UserTarget {
	id: string
}

export const GROUP_ROLES = ['lead', 'member', 'observer'] as const
export type GroupRole = (typeof GROUP_ROLES)[number]
export const GROUP_VISIBILITIES = ['public', 'private'] as const
export type GroupVisibility = (typeof GROUP_VISIBILITIES)[number]

/** A working group as the asker stands in it. */
export interface GroupTarget {
	visibility: GroupVisibility
	/** The asker's role in the group; null for a non-member (and the public). */
	membership: GroupRole | null
}

/** Where a meeting record (minutes) stands: members edit, named reviewers sign off. */
export const RECORD_STATUSES = ['draft', 'in_review', 'approved', 'published'] as const
export type RecordStatus = (typeof RECORD_STATUSES)[number]

/** Where a policy draft stands. */
export const DRAFT_STATUSES = ['drafting', 'in_review', 'final', 'published'] as const
export type DraftStatus = (typeof DRAFT_STATUSES)[number]

/** A meeting record or a policy draft in its group, and whether the asker is one of its named reviewers. */
export interface ReviewedTarget<Status extends string> {
	group: GroupTarget
	status: Status
	isReviewer: boolean
}

interface Permissions {
	/** The admin area's pages. */
	'admin:users:read': undefined
	'admin:outbox:read': undefined
	'admin:audit:read': undefined
	'user:invite': undefined
	/** Change someone's role or (de)activate them: never one's own account. */
	'user:change-role': UserTarget
	'user:deactivate': UserTarget
	/** The newsroom: list posts, start a new one, upload images. */
	'news:write': undefined
	/** Change a post's text, tags and cover; a researcher only their own unpublished draft. */
	'news:edit': NewsPostTarget
	/** Publish, schedule, unpublish, archive, restore a revision. */
	'news:publish': undefined
	'media:upload': undefined
	/** Create a working group; archive it, change its visibility. */
	'group:create': undefined
	'group:archive': GroupTarget
	/** A group's page, its members, meetings and news: public groups for everyone. */
	'group:read': GroupTarget
	/** Its name, summary and charter. */
	'group:edit': GroupTarget
	/** Add existing users, change their group role, remove them. */
	'group:manage-members': GroupTarget
	'meeting:read': { group: GroupTarget }
	/** Schedule, change, cancel a meeting; its agenda, attendance and attachments. */
	'meeting:edit': { group: GroupTarget }
	/** Minutes, decisions and action items: published ones of public groups for everyone, the rest for the group and its reviewers. */
	'record:read': ReviewedTarget<RecordStatus>
	'record:edit': ReviewedTarget<RecordStatus>
	/** Send a record for review, naming its reviewers; publish an approved one. */
	'record:manage-review': ReviewedTarget<RecordStatus>
	/** Comment, request changes, approve (sign off). */
	'record:review': ReviewedTarget<RecordStatus>
	'draft:read': ReviewedTarget<DraftStatus>
	/** Start a draft in the group. */
	'draft:create': { group: GroupTarget }
	'draft:edit': ReviewedTarget<DraftStatus>
	/** Comment on a passage; mention members. */
	'draft:comment': ReviewedTarget<DraftStatus>
	/** Move it through in review → final → published, naming reviewers. */
	'draft:manage-review': ReviewedTarget<DraftStatus>
	'draft:review': ReviewedTarget<DraftStatus>
}
export type Permission = keyof Permissions

type Rule<P extends Permission> = (actor: Actor, resource: Permissions[P]) => boolean
type SignedInRule<P extends Permission> = (actor: NonNullable<Actor>, resource: Permissions[P]) => boolean

/** Most rules are for signed-in members only: the public is refused before they run. */
const signedIn =
	<P extends Permission>(rule: SignedInRule<P>): Rule<P> =>
	(actor, resource) =>
		actor !== null && rule(actor, resource)

const isAdmin = (actor: NonNullable<Actor>) => actor.role === 'admin'
const isEditor = (actor: NonNullable<Actor>) => actor.role === 'admin' || actor.role === 'editor'
const isWriter = (actor: NonNullable<Actor>) => isEditor(actor) || actor.role === 'researcher'

/** Site admins see and do everything in every group. */
const adminOf = (actor: Actor) => actor?.role === 'admin'
const readsGroup = (actor: Actor, group: GroupTarget) => group.visibility === 'public' || group.membership !== null || adminOf(actor)
/** Leads and members write; observers only read. */
const writesInGroup = (actor: Actor, group: GroupTarget) =>
	actor !== null && (adminOf(actor) || group.membership === 'lead' || group.membership === 'member')
const leadsGroup = (actor: Actor, group: GroupTarget) => actor !== null && (adminOf(actor) || group.membership === 'lead')
/** Work in progress (anything not published) is for the group, its reviewers and admins. */
const readsWork = (actor: Actor, target: ReviewedTarget<string>) =>
	target.status === 'published'
		? readsGroup(actor, target.group)
		: actor !== null && (target.group.membership !== null || target.isReviewer || adminOf(actor))

const RULES: { [P in Permission]: Rule<P> } = {
	'admin:users:read': signedIn(isAdmin),
	'admin:outbox:read': signedIn(isAdmin),
	'admin:audit:read': signedIn(isAdmin),
	'user:invite': signedIn(isAdmin),
	// An admin who demotes or deactivates themself could lock everyone out.
	'user:change-role': signedIn((actor, target) => isAdmin(actor) && target.id !== actor.id),
	'user:deactivate': signedIn((actor, target) => isAdmin(actor) && target.id !== actor.id),
	'news:write': signedIn(isWriter),
	// What the public already sees (or will, once scheduled) is an editor's call.
	'news:edit': signedIn(
		(actor, post) => isEditor(actor) || (actor.role === 'researcher' && post.authorId === actor.id && post.status === 'draft'),
	),
	'news:publish': signedIn(isEditor),
	'media:upload': signedIn(isWriter),
	'group:create': signedIn(isAdmin),
	'group:archive': signedIn(isAdmin),
	'group:read': (actor, group) => readsGroup(actor, group),
	'group:edit': (actor, group) => leadsGroup(actor, group),
	'group:manage-members': (actor, group) => leadsGroup(actor, group),
	'meeting:read': (actor, { group }) => readsGroup(actor, group),
	'meeting:edit': (actor, { group }) => writesInGroup(actor, group),
	'record:read': readsWork,
	'record:edit': (actor, record) => writesInGroup(actor, record.group),
	'record:manage-review': (actor, record) => leadsGroup(actor, record.group),
	// Reviewers are named per record; only while it is in review.
	'record:review': (actor, record) => actor !== null && record.isReviewer && record.status === 'in_review' && readsWork(actor, record),
	'draft:read': readsWork,
	'draft:create': (actor, { group }) => writesInGroup(actor, group),
	// A final or published draft changes only by moving it back to drafting.
	'draft:edit': (actor, draft) => writesInGroup(actor, draft.group) && (draft.status === 'drafting' || draft.status === 'in_review'),
	// Officials and observers who can read the work may comment on it.
	'draft:comment': (actor, draft) =>
		actor !== null && readsWork(actor, draft) && (draft.group.membership !== null || draft.isReviewer || actor.role === 'official' || adminOf(actor)),
	'draft:manage-review': (actor, draft) => writesInGroup(actor, draft.group),
	'draft:review': (actor, draft) => actor !== null && draft.isReviewer && draft.status === 'in_review' && readsWork(actor, draft),
}

/** The resource argument a permission takes: none, or one. */
export type ResourceArgs<P extends Permission> = Permissions[P] extends undefined ? [] : [Permissions[P]]

export function can<P extends Permission>(actor: Actor, permission: P, ...resource: ResourceArgs<P>): boolean {
	const rule = RULES[permission] as Rule<P>
	return rule(actor, resource[0] as Permissions[P])
}
