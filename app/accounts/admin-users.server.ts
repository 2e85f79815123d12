/**
 * The admin's members page, server side: the data, and each form's
 * operation (invite; revoke, resend or re-link an invitation; change a
 * role; deactivate or reactivate). Destructive ones (deactivate, revoke)
 * act only when confirmed, so a click without JavaScript gets the question
 * first (app/ui/confirm.tsx).
 */
import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { parseForm } from '#app/forms/submission.ts'
import { requirePermission } from '#app/auth/auth.server.ts'
import { badRequest, requireFound } from '#app/http/errors.ts'
import { getSiteOrigin } from '#app/http/site.server.ts'
import { getFixedT } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { askToConfirm, isConfirmed } from '#app/ui/confirm.tsx'
import type { AdminUsersActionData } from './admin-users-page.tsx'
import { changeRole, deactivateUser, invitationLink, invite, reactivateUser, resendInvitation, revokeInvitation } from './operations.server.ts'
import { getAdminUsersPage } from './pages.server.ts'
import { changeRoleSchema, invitationActionSchema, inviteSchema, setActiveSchema } from './schemas.ts'

type Args = Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>

export async function loadAdminUsersPage({ request, params, context }: Args) {
	const lang = requireLang(params)
	const { user } = await requirePermission({ request, context }, 'admin:users:read')
	const [t, page] = await Promise.all([getFixedT(lang, ['admin', 'common']), getAdminUsersPage({ lang, viewer: user, searchParams: new URL(request.url).searchParams })])
	return {
		lang,
		meta: { title: t('common:meta.title', { page: t('admin:users.title') }), description: t('admin:users.description') },
		page,
	}
}

const none = { result: null, notice: null, confirm: null, link: null }

export async function handleAdminUsersAction({ request, params, context }: Args) {
	requireLang(params)
	const ip = context.clientIp
	const formData = await request.formData()
	const intent = String(formData.get('intent') ?? '')
	const answer = (parts: Partial<AdminUsersActionData>, init?: { status: number }) => data<AdminUsersActionData>({ ...none, intent, ...parts }, init)

	if (intent === 'invite') {
		const { user } = await requirePermission({ request, context }, 'user:invite')
		const submission = parseForm(formData, { schema: inviteSchema })
		if (submission.status !== 'success') return answer({ result: submission.reply() }, { status: 400 })
		const { email, name, role, lang } = submission.value
		const invited = await invite({ actor: user, email, name, role, lang, origin: getSiteOrigin(), ip })
		if (!invited.ok) return answer({ result: submission.reply({ fieldErrors: { email: ['admin:invite.exists'] } }) }, { status: 409 })
		return answer({ result: submission.reply({ resetForm: true }), notice: { key: 'invite.sent', email, name: '', role: null } })
	}

	if (intent === 'revoke-invitation' || intent === 'resend-invitation' || intent === 'invitation-link') {
		const { user } = await requirePermission({ request, context }, 'user:invite')
		const parsed = invitationActionSchema.safeParse(Object.fromEntries(formData))
		if (!parsed.success) badRequest()
		const { invitationId } = parsed.data
		const origin = getSiteOrigin()
		if (intent === 'revoke-invitation') {
			if (!isConfirmed(formData)) return answer({ confirm: askToConfirm(formData, 'admin:invite.confirm-revoke').confirm })
			const revoked = requireFound(await revokeInvitation({ actor: user, invitationId, ip }))
			return answer({ notice: { key: 'invite.revoked', email: revoked.email, name: '', role: null } })
		}
		if (intent === 'resend-invitation') {
			const sent = requireFound(await resendInvitation({ actor: user, invitationId, origin, ip }))
			return answer({ notice: { key: 'invite.resent', email: sent.email, name: '', role: null } })
		}
		const made = requireFound(await invitationLink({ actor: user, invitationId, origin, ip }))
		return answer({ notice: { key: 'invite.link-made', email: made.email, name: '', role: null }, link: { email: made.email, url: made.link } })
	}

	if (intent === 'change-role') {
		const submission = parseForm(formData, { schema: changeRoleSchema })
		if (submission.status !== 'success') badRequest()
		const { userId, role } = submission.value
		const { user } = await requirePermission({ request, context }, 'user:change-role', { id: userId })
		const target = requireFound(await changeRole({ actor: user, userId, role, ip }))
		return answer({ notice: { key: 'users.roleChanged', email: target.email, name: target.name, role } })
	}

	if (intent === 'deactivate' || intent === 'reactivate') {
		const submission = parseForm(formData, { schema: setActiveSchema })
		if (submission.status !== 'success') badRequest()
		const { userId } = submission.value
		const { user } = await requirePermission({ request, context }, 'user:deactivate', { id: userId })
		const deactivate = intent === 'deactivate'
		if (deactivate && !isConfirmed(formData)) return answer({ confirm: askToConfirm(formData, 'admin:users.confirm-deactivate').confirm })
		const target = requireFound(await (deactivate ? deactivateUser : reactivateUser)({ actor: user, userId, ip }))
		const key = deactivate ? 'users.deactivatedNotice' : 'users.reactivatedNotice'
		return answer({ notice: { key, email: target.email, name: target.name, role: null } })
	}

	// Unknown intents are refused like everything else an admin may not do.
	await requirePermission({ request, context }, 'user:invite')
	badRequest()
}
