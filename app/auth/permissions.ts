/**
 * Every permission decision in the portal: one pure function, shared by the
 * server (loaders and actions call `require…` helpers built on it) and the
 * UI (which hides what a user may not do). Deny by default: a permission not
 * listed here does not exist, and the anonymous public has none of these.
 *
 * News: researchers write posts and submit them for review; editors and
 * admins edit any post and decide what the public sees.
 *
 * Working-group roles (lead, member, observer) arrive with the working-groups
 * issue as resource-scoped permissions: `can(user, 'draft:edit', { group })`.
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
}
export type Permission = keyof Permissions

type Rule<P extends Permission> = (actor: NonNullable<Actor>, resource: Permissions[P]) => boolean

const isAdmin = (actor: NonNullable<Actor>) => actor.role === 'admin'
const isEditor = (actor: NonNullable<Actor>) => actor.role === 'admin' || actor.role === 'editor'
const isWriter = (actor: NonNullable<Actor>) => isEditor(actor) || actor.role === 'researcher'

const RULES: { [P in Permission]: Rule<P> } = {
	'admin:users:read': isAdmin,
	'admin:outbox:read': isAdmin,
	'admin:audit:read': isAdmin,
	'user:invite': isAdmin,
	// An admin who demotes or deactivates themself could lock everyone out.
	'user:change-role': (actor, target) => isAdmin(actor) && target.id !== actor.id,
	'user:deactivate': (actor, target) => isAdmin(actor) && target.id !== actor.id,
	'news:write': isWriter,
	// What the public already sees (or will, once scheduled) is an editor's call.
	'news:edit': (actor, post) =>
		isEditor(actor) || (actor.role === 'researcher' && post.authorId === actor.id && post.status === 'draft'),
	'news:publish': isEditor,
	'media:upload': isWriter,
}

/** The resource argument a permission takes: none, or one. */
export type ResourceArgs<P extends Permission> = Permissions[P] extends undefined ? [] : [Permissions[P]]

export function can<P extends Permission>(actor: Actor, permission: P, ...resource: ResourceArgs<P>): boolean {
	if (!actor) return false
	const rule = RULES[permission] as Rule<P>
	return rule(actor, resource[0] as Permissions[P])
}
