/**
 * The pages around the editor: a new post, and an existing one with its
 * status, links to the public page and the history, the notice of what was
 * just done, and the review conversation below the editor.
 */
import { Form, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ReviewConversation } from '#app/documents/review-conversation.tsx'
import { REVIEW_BODY_MAX } from '#app/documents/review-thread.ts'
import type { PageData } from '#app/ui/page-data.ts'
import { FormErrors, StatusNotice, SubmitButton } from '#app/ui/forms.tsx'
import type { EditorActionData, loadEditPostPage, loadNewPostPage } from './editor.server.ts'
import { NewsEditor } from './editor.tsx'
import { StatusBadge } from './status-badge.tsx'
import { WORKFLOW_STEPS } from './workflow.ts'
import { Link } from '#app/ui/link.tsx'

/** What `?saved=` may announce: the editor's steps and the conversation's forms. */
const NOTICES = [...WORKFLOW_STEPS, 'comment', 'request-changes'] as const
type Notice = (typeof NOTICES)[number]

export function NewPostPage({ page, actionData }: { page: PageData<typeof loadNewPostPage>; actionData: EditorActionData | undefined }) {
	const { t } = useTranslation('newsroom')
	const { lang, defaultValue, options, canPublish, timeZone } = page
	return (
		<div>
			<h1 className="text-2xl font-bold tracking-tight text-navy-900">{t('new.title')}</h1>
			<p className="mt-1 text-slate-600">{canPublish ? t('new.intro-editor') : t('new.intro-researcher')}</p>
			<div className="mt-6">
				<NewsEditor
					formId="news-post-new"
					lang={lang}
					defaultValue={defaultValue}
					post={null}
					options={options}
					canPublish={canPublish}
					timeZone={timeZone}
					saved={false}
					actionData={actionData}
				/>
			</div>
		</div>
	)
}

export function EditPostPage({ page, actionData }: { page: PageData<typeof loadEditPostPage>; actionData: EditorActionData | undefined }) {
	const { t } = useTranslation('newsroom')
	const [searchParams] = useSearchParams()
	const { id, lang, title, defaultValue, post, publicPath, historyPath, options, canPublish, timeZone } = page
	const saved = searchParams.get('saved')
	const notice = saved && (NOTICES as readonly string[]).includes(saved) && !actionData ? (saved as Notice) : null
	// Only a save of the editor's form forgets the typing kept in the browser; a comment does not.
	const editorSaved = notice !== null && (WORKFLOW_STEPS as readonly string[]).includes(notice)
	return (
		<div>
			<div className="flex flex-wrap items-start justify-between gap-4">
				<div className="min-w-0">
					<h1 className="text-balance text-2xl font-bold tracking-tight text-navy-900">{title}</h1>
					<p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
						<StatusBadge status={post.status} live={post.live} inReview={post.reviewRequested} publishedAt={post.publishedAt} />
						{post.changesRequested ? (
							<span className="rounded bg-amber-100 px-2 py-0.5 text-amber-900" data-testid="changes-requested-badge">
								{t('review.kinds.changes-requested')}
							</span>
						) : null}
						{post.authorName ? <span>{t('list.by', { name: post.authorName })}</span> : null}
					</p>
				</div>
				<div className="flex flex-wrap gap-3 text-sm">
					{publicPath ? (
						<Link to={publicPath} className="font-medium text-navy-700 underline">
							{t('edit.view-public')}
						</Link>
					) : null}
					<Link to={historyPath} className="font-medium text-navy-700 underline">
						{t('edit.history')}
					</Link>
					<a href="#conversation" className="font-medium text-navy-700 underline">
						{t('review.heading')}
					</a>
				</div>
			</div>
			{notice ? <StatusNotice className="mt-4">{t(`saved.${notice}`)}</StatusNotice> : null}
			{post.changesRequested && post.isAuthor ? (
				<p role="note" className="mt-4 rounded-md border border-amber-500 bg-amber-50 px-4 py-3 text-sm text-slate-800">
					{t('review.changes-requested')}
				</p>
			) : null}
			<div className="mt-6">
				{/* A new key per saved version: the form starts again from what was saved. */}
				<NewsEditor
					key={String(defaultValue.version)}
					formId={`news-post-${id}`}
					lang={lang}
					defaultValue={defaultValue}
					post={post}
					options={options}
					canPublish={canPublish}
					timeZone={timeZone}
					saved={editorSaved}
					forgetKey={searchParams.has('created') ? 'news-post-new' : undefined}
					actionData={actionData}
				/>
			</div>
			<div id="conversation" className="mt-10 scroll-mt-4">
				<ReviewPanel page={page} errors={actionData?.review?.errors} />
			</div>
		</div>
	)
}

function ReviewPanel({ page, errors }: { page: PageData<typeof loadEditPostPage>; errors: string[] | undefined }) {
	const { t } = useTranslation('newsroom')
	return (
		<ReviewConversation
			headingId="conversation-heading"
			heading={t('review.heading')}
			entries={page.conversation}
			labels={{
				empty: t('review.empty'),
				kinds: { comment: t('review.kinds.comment'), 'changes-requested': t('review.kinds.changes-requested'), approved: t('review.kinds.approved') },
			}}
		>
			<Form method="post" className="space-y-3" preventScrollReset>
				<FormErrors id="review-errors" errors={errors} />
				<div>
					<label htmlFor="review-message" className="block text-sm font-medium text-slate-800">
						{t('review.message')}
					</label>
					<textarea
						id="review-message"
						name="message"
						rows={3}
						maxLength={REVIEW_BODY_MAX}
						required
						aria-describedby="review-message-hint"
						aria-invalid={errors?.length ? true : undefined}
						className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 shadow-sm focus:border-navy-600 focus:outline-none focus:ring-2 focus:ring-navy-600/30"
					/>
					<p id="review-message-hint" className="mt-1 text-sm text-slate-500">
						{t('review.message-hint')}
					</p>
				</div>
				<div className="flex flex-wrap gap-3">
					<SubmitButton name="intent" value="comment" variant="secondary">
						{t('review.comment')}
					</SubmitButton>
					{page.canRequestChanges ? (
						<SubmitButton name="intent" value="request-changes" variant="danger">
							{t('review.request-changes')}
						</SubmitButton>
					) : null}
				</div>
			</Form>
		</ReviewConversation>
	)
}
