/**
 * The review of a record, for its group and reviewers: who reviews and who
 * has signed the current version, the trail (comments per agenda item,
 * requests for changes, approvals), and the forms a lead and a reviewer
 * use. Approving, requesting changes and publishing ask first (with or
 * without JavaScript). Forms keep what was typed when the server refuses.
 */
import { FormProvider, getFormProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { ConfirmSubmit, type PendingConfirmation } from '#app/ui/confirm.tsx'
import { FieldErrors, FormErrors, SubmitButton, TextField } from '#app/ui/forms.tsx'
import type { RecordPageData } from './record-view.tsx'

type ReviewPage = RecordPageData & { review: NonNullable<RecordPageData['review']> }

export interface ReviewActionData {
	intent: string
	result: SubmissionResult<string[]>
	confirm: PendingConfirmation | null
}

/**
 * A new key for each answer from the server: a confirming button that was
 * confirmed once asks again after a refusal, instead of submitting at once.
 */
function useAnswerKey(lastResult: SubmissionResult<string[]> | undefined): number {
	const last = useRef(lastResult)
	const count = useRef(0)
	if (last.current !== lastResult) {
		last.current = lastResult
		count.current += 1
	}
	return count.current
}

const selectClass =
	'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-base shadow-sm focus:border-navy-600 focus:outline-none focus:ring-2 focus:ring-navy-600/30'

export function ReviewPanel({ page, actionData }: { page: ReviewPage; actionData: ReviewActionData | undefined }) {
	const { t } = useTranslation('records')
	const { review, record } = page
	const resultFor = (...intents: string[]) => (actionData && intents.includes(actionData.intent) && !actionData.confirm ? actionData.result : undefined)
	return (
		<section aria-labelledby="review-heading" className="mt-10 rounded-lg border border-slate-200 p-4 sm:p-6" data-print="hide" data-testid="review-panel">
			<h2 id="review-heading" className="text-xl font-semibold text-navy-900">
				{t('review.heading')}
			</h2>
			{review.reviewers.length > 0 ? (
				<ul className="mt-3 flex flex-wrap gap-2" data-testid="reviewers">
					{review.reviewers.map((reviewer) => (
						<li key={reviewer.id} className={`rounded-full px-3 py-1 text-sm ${reviewer.approved ? 'bg-leaf-50 text-leaf-800' : 'bg-slate-100 text-slate-700'}`}>
							{reviewer.approved ? <span aria-hidden="true">✓ </span> : null}
							{reviewer.approved ? t('review.reviewer-approved', { name: reviewer.name }) : t('review.reviewer-pending', { name: reviewer.name })}
						</li>
					))}
				</ul>
			) : (
				<p className="mt-2 text-sm text-slate-600">{t('review.no-reviewers')}</p>
			)}

			{review.canManageReview && (record.status === 'draft' || record.status === 'in_review') ? (
				<RequestReviewForm key={`${record.version}-${record.status}`} page={page} lastResult={resultFor('request-review')} />
			) : null}
			{review.canManageReview && record.status === 'approved' ? <PublishForm version={record.version} lastResult={resultFor('publish')} /> : null}
			{review.canReview ? (
				<>
					{/* A new form after each step of the review: a comment once sent leaves the box empty. */}
					<CommentForm key={review.events.length} page={page} lastResult={resultFor('comment', 'request-changes')} />
					{review.signedCurrent ? (
						<p className="mt-4 text-sm text-leaf-800">{t('review.you-signed', { version: record.version })}</p>
					) : (
						<ApproveForm version={record.version} hash={record.hash} shortHash={record.shortHash} lastResult={resultFor('approve')} />
					)}
				</>
			) : null}

			<h3 className="mt-8 text-base font-semibold text-navy-900">{t('review.trail')}</h3>
			{review.events.length === 0 ? (
				<p className="mt-2 text-sm text-slate-500">{t('review.trail-empty')}</p>
			) : (
				<ol className="mt-3 space-y-3" data-testid="review-trail">
					{review.events.map((event) => (
						<li key={event.id} className="rounded-md bg-slate-50 p-3 text-sm">
							<p className="text-slate-600">
								<span className="font-medium text-slate-900">{event.actorName ?? t('review.someone')}</span> ·{' '}
								{t(`review.event.${event.event}` as 'review.event.comment', { version: event.version })} · {event.at}
								{event.agendaTitle ? <span className="block text-slate-700">{t('review.on-item', { item: event.agendaTitle })}</span> : null}
							</p>
							{event.body ? <p className="mt-1 whitespace-pre-wrap text-slate-900">{event.body}</p> : null}
						</li>
					))}
				</ol>
			)}
		</section>
	)
}

function RequestReviewForm({ page, lastResult }: { page: ReviewPage; lastResult: SubmissionResult<string[]> | undefined }) {
	const { t } = useTranslation('records')
	const [form, fields] = useForm<{ version: string; reviewers: string[]; reviewerEmail: string }>({ id: 'request-review', lastResult, shouldValidate: 'onSubmit' })
	const submitted = lastResult?.initialValue?.reviewers
	const chosen = new Set(Array.isArray(submitted) ? (submitted as string[]) : typeof submitted === 'string' ? [submitted] : page.review.candidates.filter((c) => c.named).map((c) => c.id))
	return (
		<Form method="post" {...getFormProps(form)} className="mt-6 space-y-3 border-t border-slate-200 pt-4">
			<input type="hidden" name="version" value={page.record.version} />
			<FormErrors id={form.errorId} errors={form.errors} />
			<fieldset aria-describedby={fields.reviewers.errorId}>
				<legend className="text-sm font-semibold text-navy-900">{t('review.choose-reviewers')}</legend>
				<p className="text-sm text-slate-600">{t('review.choose-reviewers-hint')}</p>
				<div className="mt-2 grid gap-2 sm:grid-cols-2">
					{page.review.candidates.map((candidate) => (
						<label key={candidate.id} className="flex items-center gap-2 text-sm text-slate-800">
							<input type="checkbox" name="reviewers" value={candidate.id} defaultChecked={chosen.has(candidate.id)} className="size-4 rounded border-slate-300" />
							<span>
								{candidate.name}
								{candidate.role === 'official' ? <span className="ml-1 text-xs text-slate-500">({t('review.official')})</span> : null}
							</span>
						</label>
					))}
				</div>
				<FieldErrors id={fields.reviewers.errorId} errors={fields.reviewers.errors} />
			</fieldset>
			<FormProvider context={form.context}>
				<TextField label={t('review.reviewer-email')} field={fields.reviewerEmail} type="email" autoComplete="off" hint={t('review.reviewer-email-hint')} />
			</FormProvider>
			<SubmitButton name="intent" value="request-review">
				{page.record.status === 'in_review' ? t('review.change-reviewers') : t('review.send')}
			</SubmitButton>
		</Form>
	)
}

function PublishForm({ version, lastResult }: { version: number; lastResult: SubmissionResult<string[]> | undefined }) {
	const { t } = useTranslation('records')
	const [form] = useForm({ id: 'publish', lastResult })
	const answer = useAnswerKey(lastResult)
	return (
		<Form method="post" {...getFormProps(form)} className="mt-6 space-y-3 border-t border-slate-200 pt-4">
			<input type="hidden" name="version" value={version} />
			<FormErrors id={form.errorId} errors={form.errors} />
			<p className="text-sm text-slate-700">{t('review.publish-hint')}</p>
			<ConfirmSubmit key={answer} name="intent" value="publish" variant="primary" question={t('confirm.publish')}>
				{t('review.publish')}
			</ConfirmSubmit>
		</Form>
	)
}

function CommentForm({ page, lastResult }: { page: ReviewPage; lastResult: SubmissionResult<string[]> | undefined }) {
	const { t } = useTranslation('records')
	const [form, fields] = useForm<{ version: string; agendaItemId: string; body: string }>({ id: 'review-comment', lastResult, shouldValidate: 'onSubmit' })
	const answer = useAnswerKey(lastResult)
	return (
		<Form method="post" {...getFormProps(form)} className="mt-6 space-y-3 border-t border-slate-200 pt-4">
			<input type="hidden" name="version" value={page.record.version} />
			<FormErrors id={form.errorId} errors={form.errors} />
			<div>
				<label htmlFor={fields.agendaItemId.id} className="block text-sm font-medium text-slate-800">
					{t('review.about')}
				</label>
				<select {...getSelectProps(fields.agendaItemId)} className={selectClass}>
					<option value="">{t('review.whole-record')}</option>
					{page.review.agenda.map((item) => (
						<option key={item.id} value={item.id}>
							{item.title}
						</option>
					))}
				</select>
				<FieldErrors id={fields.agendaItemId.errorId} errors={fields.agendaItemId.errors} />
			</div>
			<div>
				<label htmlFor={fields.body.id} className="block text-sm font-medium text-slate-800">
					{t('review.comment')}
				</label>
				<textarea {...getTextareaProps(fields.body)} rows={4} className={selectClass} />
				<FieldErrors id={fields.body.errorId} errors={fields.body.errors} />
			</div>
			<div className="flex flex-wrap gap-3">
				<SubmitButton name="intent" value="comment" variant="secondary">
					{t('review.add-comment')}
				</SubmitButton>
				<ConfirmSubmit key={answer} name="intent" value="request-changes" question={t('confirm.request-changes')}>
					{t('review.request-changes')}
				</ConfirmSubmit>
			</div>
		</Form>
	)
}

function ApproveForm({ version, hash, shortHash, lastResult }: { version: number; hash: string; shortHash: string; lastResult: SubmissionResult<string[]> | undefined }) {
	const { t } = useTranslation('records')
	const [form] = useForm({ id: 'approve', lastResult })
	const answer = useAnswerKey(lastResult)
	return (
		<Form method="post" {...getFormProps(form)} className="mt-6 space-y-3 border-t border-slate-200 pt-4">
			<input type="hidden" name="version" value={version} />
			<input type="hidden" name="hash" value={hash} />
			<FormErrors id={form.errorId} errors={form.errors} />
			<p className="text-sm text-slate-700">{t('review.approve-hint', { version, hash: shortHash })}</p>
			<ConfirmSubmit key={answer} name="intent" value="approve" variant="primary" question={t('confirm.approve', { version, hash: shortHash })}>
				{t('review.approve')}
			</ConfirmSubmit>
		</Form>
	)
}
