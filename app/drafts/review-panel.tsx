/**
 * The review: who reviews the draft and what each decided (on which
 * version), a reviewer's own decision form, and the moves a member may make
 * next (send for review naming reviewers, final once all approved the
 * current version, publish, back to drafting). Publishing and reopening a
 * final or published draft ask first (with or without JavaScript).
 */
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { EMAIL_MAX } from '#app/forms/fields.ts'
import { ConfirmSubmit } from '#app/ui/confirm.tsx'
import type { DraftPageActionData } from './draft-page.server.ts'
import type { DraftPageData } from './draft-view.tsx'

const field =
	'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-base shadow-sm focus:border-navy-600 focus:outline-none focus:ring-2 focus:ring-navy-600/30'
const primary = 'inline-flex items-center justify-center rounded-md bg-navy-900 px-4 py-2 font-medium text-white hover:bg-navy-700'
const secondary = 'inline-flex items-center justify-center rounded-md border border-navy-900 px-4 py-2 font-medium text-navy-900 hover:bg-navy-50'

export function ReviewPanel({ page, actionData }: { page: DraftPageData; actionData: DraftPageActionData | undefined }) {
	const { t } = useTranslation('drafts')
	const { review, draft } = page
	const error = actionData?.target === 'review' && actionData.error ? actionData.error : null
	return (
		<section id="review" aria-labelledby="review-heading" className="mt-10 rounded-lg border border-slate-200 p-4 sm:p-6" data-testid="review-panel">
			<h2 id="review-heading" className="text-lg font-semibold text-navy-900">
				{t('review.heading')}
			</h2>
			{error ? (
				<p role="alert" className="mt-3 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
					{t(error.replace(/^drafts:/, '') as 'errors.invalid')}
				</p>
			) : null}
			{review.reviewers.length > 0 ? (
				<ul className="mt-3 space-y-2 text-sm" data-testid="reviewers">
					{review.reviewers.map((reviewer) => (
						<li key={reviewer.id} className="flex flex-wrap gap-x-2">
							<span className="font-medium text-slate-800">{reviewer.name}</span>
							<span className="text-slate-600">
								{reviewer.latest
									? t(`review.decided.${reviewer.latest.decision}`, { version: reviewer.latest.version, time: reviewer.latest.createdAt })
									: t('review.pending')}
								{reviewer.latest && !reviewer.latest.current ? ` ${t('review.stale')}` : ''}
							</span>
							{reviewer.latest?.note ? <q className="w-full text-slate-700">{reviewer.latest.note}</q> : null}
						</li>
					))}
				</ul>
			) : (
				<p className="mt-3 text-sm text-slate-600">{t('review.none')}</p>
			)}

			{page.may.review ? (
				<Form method="post" className="mt-5 space-y-3 border-t border-slate-200 pt-4" data-testid="decision-form">
					<input type="hidden" name="intent" value="decide" />
					<input type="hidden" name="version" value={draft.version} />
					<div>
						<label htmlFor="review-note" className="block text-sm font-medium text-slate-800">
							{t('review.note')}
						</label>
						<textarea id="review-note" name="note" rows={2} maxLength={page.limits.note} defaultValue={actionData?.intent === 'decide' ? actionData.values.note : ''} className={field} />
					</div>
					<p className="text-sm text-slate-600">{t('review.decide-hint', { version: draft.version })}</p>
					<div className="flex flex-wrap gap-3">
						<button type="submit" name="decision" value="approve" className={primary}>
							{t('review.approve')}
						</button>
						<button type="submit" name="decision" value="request_changes" className={secondary}>
							{t('review.request-changes')}
						</button>
					</div>
				</Form>
			) : null}

			{review.moves.length > 0 ? (
				<div className="mt-5 space-y-4 border-t border-slate-200 pt-4">
					{review.moves.includes('in_review') ? (
						<Form method="post" className="space-y-3" data-testid="request-review">
							<input type="hidden" name="intent" value="move" />
							<input type="hidden" name="to" value="in_review" />
							<input type="hidden" name="version" value={draft.version} />
							<fieldset>
								<legend className="text-sm font-medium text-slate-800">{t('review.choose-reviewers')}</legend>
								<div className="mt-2 grid gap-2 sm:grid-cols-2">
									{review.candidates.map((person) => (
										<label key={person.id} className="flex items-center gap-2 text-sm text-slate-800">
											<input type="checkbox" name="reviewers" value={person.id} defaultChecked={actionData?.intent === 'move' && actionData.checked ? actionData.checked.includes(person.id) : person.named} className="size-4 rounded border-slate-300" />
											<span>
												{person.name}{' '}
												<span className="text-slate-500">
													({person.membership ? t(`review.membership.${person.membership}`) : t('review.official')})
												</span>
											</span>
										</label>
									))}
								</div>
							</fieldset>
							<div>
								<label htmlFor="reviewer-email" className="block text-sm font-medium text-slate-800">
									{t('review.reviewer-email')}
								</label>
								<input
									id="reviewer-email"
									name="reviewerEmail"
									type="email"
									autoComplete="off"
									maxLength={EMAIL_MAX}
									aria-describedby="reviewer-email-hint"
									defaultValue={actionData?.intent === 'move' ? actionData.values.reviewerEmail : ''}
									className={field}
								/>
								<p id="reviewer-email-hint" className="mt-1 text-sm text-slate-600">
									{t('review.reviewer-email-hint')}
								</p>
							</div>
							<button type="submit" className={primary}>
								{t('review.send')}
							</button>
						</Form>
					) : null}
					<div className="flex flex-wrap gap-3">
						{review.moves.includes('final') ? (
							<Form method="post">
								<input type="hidden" name="intent" value="move" />
								<input type="hidden" name="to" value="final" />
								<input type="hidden" name="version" value={draft.version} />
								<button type="submit" className={primary} aria-describedby="final-hint">
									{t('review.finalize')}
								</button>
								<p id="final-hint" className="mt-1 text-sm text-slate-600">
									{review.allApproved ? t('review.all-approved') : t('review.needs-approvals')}
								</p>
							</Form>
						) : null}
						{review.moves.includes('published') ? (
							<Form method="post">
								<input type="hidden" name="intent" value="move" />
								<input type="hidden" name="to" value="published" />
								<input type="hidden" name="version" value={draft.version} />
								<ConfirmSubmit question={t('review.confirm-publish')} variant="primary">
									{t('review.publish')}
								</ConfirmSubmit>
							</Form>
						) : null}
						{review.moves.includes('drafting') ? (
							<Form method="post">
								<input type="hidden" name="intent" value="move" />
								<input type="hidden" name="to" value="drafting" />
								<input type="hidden" name="version" value={draft.version} />
								{draft.status === 'in_review' ? (
									<button type="submit" className={secondary}>
										{t('review.withdraw')}
									</button>
								) : (
									<ConfirmSubmit question={t('review.confirm-reopen')}>{t('review.reopen')}</ConfirmSubmit>
								)}
							</Form>
						) : null}
					</div>
				</div>
			) : null}

			{review.decisions.length > 0 ? (
				<details className="mt-5 text-sm">
					<summary className="cursor-pointer text-navy-700">{t('review.all-decisions', { count: review.decisions.length })}</summary>
					<ol className="mt-2 space-y-1 text-slate-700">
						{review.decisions.map((decision) => (
							<li key={decision.id}>
								{t(`review.decision-line.${decision.decision}`, { name: decision.reviewerName ?? t('history.unknown-author'), version: decision.version, time: decision.createdAt })}
								{decision.note ? <q className="ml-1">{decision.note}</q> : null}
							</li>
						))}
					</ol>
				</details>
			) : null}
		</section>
	)
}
