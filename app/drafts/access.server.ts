/**
 * The one check every draft page starts with: the draft exists and the
 * asker may do this with it; otherwise a 404 (audited), exactly as for a
 * draft that does not exist. A private group's draft, its history, its
 * comparisons and its exports are therefore 404 to everyone outside it.
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { getSession, requirePermission } from '#app/auth/auth.server.ts'
import type { Actor, Permission } from '#app/auth/permissions.ts'
import { notFound } from '#app/http/errors.ts'
import { DEFAULT_TIME_ZONE } from '#app/i18n/config.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { getDraftAccess, type DraftAccess } from './drafts.queries.server.ts'

export type Args = Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>

type DraftPermission = Extract<Permission, 'draft:read' | 'draft:edit' | 'draft:comment' | 'draft:manage-review' | 'draft:review'>

/**
 * `workInProgress`: the page shows more than the published text (history,
 * comparisons, old revisions): it is for those who may read the draft while
 * it is being worked on, even once it is published.
 */
export async function requireDraft(args: Args, permission: DraftPermission, { workInProgress = false } = {}) {
	const lang = requireLang(args.params)
	const current = await getSession(args)
	const user = current?.user ?? null
	const actor: Actor = user ? { id: user.id, role: user.role } : null
	const access = await getDraftAccess({ draftId: args.params.draftId ?? '', actor })
	if (!access) notFound()
	const target = workInProgress ? { ...access.target, status: 'drafting' as const } : access.target
	await requirePermission(args, permission, target)
	return { lang, user, actor, access, timeZone: user?.timeZone ?? DEFAULT_TIME_ZONE[lang] }
}

export type DraftContext = Awaited<ReturnType<typeof requireDraft>>
export type { DraftAccess }
