/**
 * A group's members, for its leads and admins: each member's group role (a
 * select and a button per row: plain forms that work without JavaScript),
 * removal (asked first), and a form to add an existing account.
 */
import { Form, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ConfirmationBox, ConfirmSubmit } from '#app/ui/confirm.tsx'
import { StatusNotice, SubmitButton } from '#app/ui/forms.tsx'
import type { PageData } from '#app/ui/page-data.ts'
import type { loadMembersPage, MembersActionData } from './members-page.server.ts'
import { Link } from '#app/ui/link.tsx'

/** Errors of one form, as the server reported them (translation keys). */
function errorsOf(actionData: MembersActionData | undefined): string[] {
	const result = actionData?.result as { error?: Record<string, string[] | null> } | undefined
	return Object.values(result?.error ?? {}).flatMap((messages) => messages ?? [])
}

const selectClass = 'rounded-md border border-slate-300 px-2 py-1.5 text-sm'

export function MembersPage({ page, actionData }: { page: PageData<typeof loadMembersPage>; actionData: MembersActionData | undefined }) {
	const { t } = useTranslation(['groups', 'validation'])
	const { pathname } = useLocation()
	const errors = errorsOf(actionData)
	const errorText = (key: string) => t(key as 'groups:errors.user-unknown')
	const rowError = (userId: string) => (actionData && actionData.intent !== 'add' && actionData.userId === userId ? errors : [])
	return (
		<div className="mx-auto max-w-4xl px-4 pb-8 pt-8 sm:px-6 sm:pt-12">
			<p>
				<Link to={page.groupHref} className="text-sm font-medium text-navy-700 hover:underline">
					<span aria-hidden="true">← </span>
					{t('groups:members.back')}
				</Link>
			</p>
			<h1 className="mt-4 text-balance text-2xl font-bold tracking-tight text-navy-900 sm:text-3xl">{page.heading}</h1>
			<p className="mt-2 text-slate-700">{t('groups:members.lead')}</p>
			{actionData?.notice ? <StatusNotice className="mt-4">{t(`groups:members.notices.${actionData.notice}`)}</StatusNotice> : null}
			{actionData?.confirm ? (
				<div className="mt-4">
					<ConfirmationBox pending={actionData.confirm} question={t('groups:members.remove-question')} cancelHref={pathname} />
				</div>
			) : null}

			<section aria-labelledby="members-heading" className="mt-8">
				<h2 id="members-heading" className="text-lg font-semibold text-navy-900">
					{t('groups:members.current', { count: page.members.length })}
				</h2>
				{page.members.length === 0 ? (
					<p className="mt-2 text-slate-600">{t('groups:members.none')}</p>
				) : (
					<ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200" data-testid="member-rows">
						{page.members.map((member) => (
							<li key={member.userId} className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center sm:justify-between" data-testid="member-row" data-user-id={member.userId}>
								<div className="min-w-0">
									<p className="font-medium text-slate-900">
										{member.name}
										{member.isSelf ? <span className="ml-1 text-sm font-normal text-slate-600">{t('groups:members.you')}</span> : null}
									</p>
									<p className="text-sm text-slate-600">{[member.affiliation, member.siteRole, t('groups:members.since', { date: member.since })].filter(Boolean).join(' · ')}</p>
									{rowError(member.userId).map((error) => (
										<p key={error} role="alert" className="mt-1 text-sm text-red-700">
											{errorText(error)}
										</p>
									))}
								</div>
								<div className="flex flex-wrap items-center gap-2">
									<Form method="post" className="flex items-center gap-2">
										<input type="hidden" name="userId" value={member.userId} />
										<select name="role" defaultValue={member.role} aria-label={t('groups:members.role-of', { name: member.name })} className={selectClass}>
											{page.roles.map((role) => (
												<option key={role} value={role}>
													{t(`groups:roles.${role}`)}
												</option>
											))}
										</select>
										<SubmitButton name="intent" value="change-role" variant="secondary">
											{t('groups:members.change-role')}
										</SubmitButton>
									</Form>
									<Form method="post">
										<input type="hidden" name="userId" value={member.userId} />
										<ConfirmSubmit name="intent" value="remove" question={t('groups:members.remove-question')}>
											{t('groups:members.remove')}
										</ConfirmSubmit>
									</Form>
								</div>
							</li>
						))}
					</ul>
				)}
			</section>

			<section aria-labelledby="add-heading" className="mt-10 rounded-lg border border-slate-200 p-4 sm:p-6">
				<h2 id="add-heading" className="text-lg font-semibold text-navy-900">
					{t('groups:members.add-heading')}
				</h2>
				{page.addable.length === 0 ? (
					<p className="mt-2 text-slate-600">{t('groups:members.nobody-to-add')}</p>
				) : (
					<Form method="post" className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end" data-testid="add-member">
						<div className="min-w-0 flex-1">
							<label htmlFor="add-user" className="block text-sm font-medium text-slate-800">
								{t('groups:members.person')}
							</label>
							<select id="add-user" name="userId" defaultValue="" className={`${selectClass} mt-1 w-full`} required>
								<option value="" disabled>
									{t('groups:members.choose-person')}
								</option>
								{page.addable.map((option) => (
									<option key={option.value} value={option.value}>
										{option.label}
									</option>
								))}
							</select>
						</div>
						<div>
							<label htmlFor="add-role" className="block text-sm font-medium text-slate-800">
								{t('groups:members.role')}
							</label>
							<select id="add-role" name="role" defaultValue="member" className={`${selectClass} mt-1`}>
								{page.roles.map((role) => (
									<option key={role} value={role}>
										{t(`groups:roles.${role}`)}
									</option>
								))}
							</select>
						</div>
						<SubmitButton name="intent" value="add">
							{t('groups:members.add')}
						</SubmitButton>
					</Form>
				)}
				{actionData?.intent === 'add'
					? errors.map((error) => (
							<p key={error} role="alert" className="mt-2 text-sm text-red-700" data-testid="add-error">
								{errorText(error)}
							</p>
						))
					: null}
			</section>
		</div>
	)
}
