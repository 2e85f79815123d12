/**
 * The member's own account: name, display language, time zone, password,
 * and the sessions signed in with it. A password change ends every other
 * session at once.
 */
import { parseForm } from '#app/forms/submission.ts'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { requireUser } from '#app/auth/auth.server.ts'
import { changePasswordSchema, profileSchema } from '#app/accounts/schemas.ts'
import { changePassword, signOutEverywhere, signOutOtherSessions, updateProfile } from '#app/accounts/operations.server.ts'
import { getAccountPage } from '#app/accounts/pages.server.ts'
import { AccountPage } from '#app/accounts/account-page.tsx'
import { getFixedT } from '#app/i18n/i18next.server.ts'
import { localizePath, requireLang } from '#app/i18n/lang.ts'
import { badRequest } from '#app/http/errors.ts'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['account', 'auth', 'validation'] }

const PASSWORD_FIELDS = ['currentPassword', 'password', 'confirmPassword']

export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const lang = requireLang(params)
	const { user, session } = await requireUser({ request, context }, lang)
	const [t, page] = await Promise.all([getFixedT(lang, ['account', 'common']), getAccountPage({ lang, user, sessionId: session.id })])
	return {
		lang,
		meta: { title: t('common:meta.title', { page: t('account:title') }), description: t('account:description') },
		page,
	}
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const lang = requireLang(params)
	const { user, session } = await requireUser({ request, context }, lang)
	const member = { userId: user.id, sessionId: session.id }
	const ip = context.clientIp
	const formData = await request.formData()
	const intent = formData.get('intent')

	if (intent === 'profile') {
		const submission = parseForm(formData, { schema: profileSchema })
		if (submission.status !== 'success') return data({ intent, result: submission.reply(), saved: false }, { status: 400 })
		const { name, lang: newLang, timeZone } = submission.value
		await updateProfile({ member, name, lang: newLang, timeZone, ip })
		// A new display language moves the member to the page in that language.
		if (newLang !== lang) return redirect(localizePath(newLang, '/account'))
		return data({ intent, result: submission.reply(), saved: true })
	}

	if (intent === 'password') {
		const submission = parseForm(formData, { schema: changePasswordSchema })
		if (submission.status !== 'success') {
			return data({ intent, result: submission.reply({ hideFields: PASSWORD_FIELDS }), saved: false }, { status: 400 })
		}
		const { currentPassword, password } = submission.value
		const changed = await changePassword({ member, currentPassword, newPassword: password, ip })
		if (!changed.ok) {
			const fieldErrors: Record<string, string[]> =
				changed.reason === 'common' ? { password: ['validation:password.common'] } : { currentPassword: ['validation:password.currentWrong'] }
			return data({ intent, result: submission.reply({ fieldErrors, hideFields: PASSWORD_FIELDS }), saved: false }, { status: 400 })
		}
		return data({ intent, result: submission.reply({ resetForm: true }), saved: true })
	}

	if (intent === 'sign-out-others') {
		await signOutOtherSessions({ member, ip })
		return data({ intent, result: null, saved: true })
	}

	if (intent === 'sign-out-everywhere') {
		const { setCookie } = await signOutEverywhere({ member, ip })
		return redirect(`${localizePath(lang, '/login')}?notice=signed-out-everywhere`, { headers: { 'Set-Cookie': setCookie } })
	}

	badRequest()
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) =>
	routeMeta({ data, matches, error, path: '/account', noindex: true })

export default function Account() {
	const { page } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	return <AccountPage page={page} actionData={actionData} />
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
