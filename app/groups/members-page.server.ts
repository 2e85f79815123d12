/**
 * A group's members page, for its leads and admins: add an existing
 * account with a group role, change a member's role, remove a member
 * (asked first). Changes are audited and apply from the next request on.
 */
import type { SubmissionResult } from '@conform-to/react'
import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { parseForm } from '#app/forms/submission.ts'
import { getRequestClient, requirePermission } from '#app/auth/auth.server.ts'
import { GROUP_ROLES } from '#app/auth/permissions.ts'
import { notFound } from '#app/http/errors.ts'
import { formatDate } from '#app/i18n/format.ts'
import { getFixedT, pageMeta } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { askToConfirm, isConfirmed, type PendingConfirmation } from '#app/ui/confirm.tsx'
import { groupText, requireReadableGroup } from './group-page.server.ts'
import { getGroupDetails, listAddableUsers, listGroupMembers } from './groups.queries.server.ts'
import { groupPaths, groupPathsWithoutLang } from './links.ts'
import { changeMembership } from './operations.server.ts'
import { membershipSchema } from './schema.ts'

type Args = Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>

async function requireMemberManager(args: Args) {
	const { group } = await requireReadableGroup(args)
	const { user } = await requirePermission(args, 'group:manage-members', group.target)
	return { user, group }
}

export async function loadMembersPage(args: Args) {
	const lang = requireLang(args.params)
	const { user, group } = await requireMemberManager(args)
	const [t, details, members, addable] = await Promise.all([
		getFixedT(lang, ['groups', 'auth']),
		getGroupDetails(group.id),
		listGroupMembers(group.id),
		listAddableUsers(group.id),
	])
	if (!details) notFound()
	const name = groupText(details, lang).name
	return {
		lang,
		meta: await pageMeta(lang, { page: t('members.title', { name }), description: t('members.description') }),
		seo: { path: groupPathsWithoutLang.members(group.slug), noindex: true },
		heading: t('members.title', { name }),
		groupHref: groupPaths.group(lang, group.slug),
		members: members.map((m) => ({
			userId: m.userId,
			name: m.name,
			affiliation: m.affiliation,
			role: m.role,
			siteRole: t(`auth:roles.${m.siteRole as 'admin'}`),
			since: formatDate(lang, m.since, { timeZone: user.timeZone }),
			isSelf: m.userId === user.id,
		})),
		addable: addable.map((u) => ({
			value: u.id,
			label: [u.name, u.affiliation, t(`auth:roles.${u.siteRole as 'admin'}`)].filter(Boolean).join(' · '),
		})),
		roles: GROUP_ROLES,
	}
}

export interface MembersActionData {
	result: SubmissionResult<string[]>
	/** Which form answered: the add form, or a member's row. */
	intent: string | null
	userId: string | null
	notice: 'added' | 'changed' | 'removed' | null
	confirm?: PendingConfirmation
}

export async function handleMembersAction(args: Args) {
	requireLang(args.params)
	const { user, group } = await requireMemberManager(args)
	const formData = await args.request.formData()
	const submission = parseForm(formData, { schema: membershipSchema })
	const intent = typeof formData.get('intent') === 'string' ? String(formData.get('intent')) : null
	const userId = typeof formData.get('userId') === 'string' ? String(formData.get('userId')) : null
	const answer = (body: Omit<MembersActionData, 'intent' | 'userId'>, status = 200) => data<MembersActionData>({ intent, userId, ...body }, { status })
	if (submission.status !== 'success') return answer({ result: submission.reply(), notice: null }, 400)
	const change = submission.value
	if (change.intent === 'remove' && !isConfirmed(formData)) {
		return answer({ result: submission.reply(), notice: null, ...askToConfirm(formData, 'groups:members.remove-question') })
	}
	const client = await getRequestClient(args)
	const result = await changeMembership({ actor: user, ip: client.ip, now: args.context.now, groupId: group.id, change })
	if (result.ok) {
		const notice = change.intent === 'add' ? 'added' : change.intent === 'remove' ? 'removed' : 'changed'
		return answer({ result: submission.reply({ resetForm: true }), notice })
	}
	if ('notFound' in result) notFound()
	return answer({ result: submission.reply({ fieldErrors: result.fieldErrors }), notice: null }, 400)
}
