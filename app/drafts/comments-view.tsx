/**
 * Comment threads under a section: each with the passage it quotes (as it
 * was quoted, with a note when the section no longer contains it), its
 * replies, and resolve / reopen; resolved threads fold away. A form starts a
 * new thread on the section, in either language, optionally quoting a
 * passage; "@Name" mentions notify the people named. Plain forms: they work
 * without JavaScript, and a refused one comes back with its text.
 */
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { HTML_LANG, LANGS } from '#app/i18n/config.ts'
import type { DraftPageActionData } from './draft-page.server.ts'
import type { DraftPageData } from './draft-view.tsx'

const field =
	'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-base shadow-sm focus:border-navy-600 focus:outline-none focus:ring-2 focus:ring-navy-600/30'
const smallButton = 'rounded-md border border-navy-900 px-3 py-1.5 text-sm font-medium text-navy-900 hover:bg-navy-50'

type Thread = DraftPageData['threads'][number]

function ErrorLine({ actionData, target }: { actionData: DraftPageActionData | undefined; target: string }) {
	const { t } = useTranslation('drafts')
	if (!actionData?.error || actionData.target !== target) return null
	return (
		<p role="alert" className="mt-2 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
			{t(actionData.error.replace(/^drafts:/, '') as 'errors.invalid')}
		</p>
	)
}

export function SectionComments({ page, sectionId, actionData }: { page: DraftPageData; sectionId: string; actionData: DraftPageActionData | undefined }) {
	const { t } = useTranslation('drafts')
	const threads = page.threads.filter((thread) => thread.sectionId === sectionId)
	const open = threads.filter((thread) => !thread.resolved)
	const resolved = threads.filter((thread) => thread.resolved)
	const target = `section-${sectionId}`
	const echo = actionData?.target === target ? actionData.values : null
	return (
		<div className="mt-4 space-y-3 lg:pl-4" data-testid="section-comments">
			{open.map((thread) => (
				<ThreadView key={thread.id} page={page} thread={thread} actionData={actionData} />
			))}
			{resolved.length > 0 ? (
				<details className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
					<summary className="cursor-pointer text-slate-700">{t('comments.resolved-threads', { count: resolved.length })}</summary>
					<div className="mt-3 space-y-3">
						{resolved.map((thread) => (
							<ThreadView key={thread.id} page={page} thread={thread} actionData={actionData} />
						))}
					</div>
				</details>
			) : null}
			<details className="text-sm" open={Boolean(echo)}>
				<summary className="cursor-pointer font-medium text-navy-700">{t('comments.new')}</summary>
				<Form method="post" className="mt-2 space-y-3 rounded-md border border-slate-200 p-3" data-testid="comment-form">
					<input type="hidden" name="intent" value="comment" />
					<input type="hidden" name="sectionId" value={sectionId} />
					<fieldset>
						<legend className="text-sm font-medium text-slate-800">{t('comments.language')}</legend>
						<div className="mt-1 flex gap-4">
							{LANGS.map((l) => (
								<label key={l} className="flex items-center gap-2">
									<input type="radio" name="lang" value={l} defaultChecked={(echo?.lang ?? page.lang) === l} className="size-4" />
									{t(`column.${l}`)}
								</label>
							))}
						</div>
					</fieldset>
					<div>
						<label htmlFor={`quote-${sectionId}`} className="block text-sm font-medium text-slate-800">
							{t('comments.quote')}
						</label>
						<input id={`quote-${sectionId}`} name="quote" defaultValue={echo?.quote ?? ''} maxLength={page.limits.quote} className={field} aria-describedby={`quote-hint-${sectionId}`} />
						<p id={`quote-hint-${sectionId}`} className="mt-1 text-slate-500">
							{t('comments.quote-hint')}
						</p>
					</div>
					<div>
						<label htmlFor={`body-${sectionId}`} className="block text-sm font-medium text-slate-800">
							{t('comments.body')}
						</label>
						<textarea id={`body-${sectionId}`} name="body" required rows={3} defaultValue={echo?.body ?? ''} maxLength={page.limits.comment} className={field} aria-describedby={`mention-hint-${sectionId}`} />
						<p id={`mention-hint-${sectionId}`} className="mt-1 text-slate-500">
							{page.mentionNames.length > 0 ? t('comments.mention-hint', { names: page.mentionNames.map((n) => `@${n}`).join(t('list-separator')) }) : t('comments.mention-none')}
						</p>
					</div>
					<ErrorLine actionData={actionData} target={target} />
					<button type="submit" className={smallButton}>
						{t('comments.submit')}
					</button>
				</Form>
			</details>
		</div>
	)
}

function ThreadView({ page, thread, actionData }: { page: DraftPageData; thread: Thread; actionData: DraftPageActionData | undefined }) {
	const { t } = useTranslation('drafts')
	const target = `thread-${thread.id}`
	const echo = actionData?.target === target ? actionData.values : null
	const [first, ...replies] = thread.comments
	return (
		<article id={`comment-${thread.id}`} className="rounded-md border border-slate-200 bg-white p-3 text-sm" data-testid="thread" data-resolved={thread.resolved ? '' : undefined}>
			<p className="text-xs text-slate-500">
				{t('comments.on', { language: t(`language.${thread.lang}`) })}
				{thread.resolved ? <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-slate-700">{t('comments.resolved-by', { name: thread.resolved.by ?? t('history.unknown-author'), time: thread.resolved.at })}</span> : null}
			</p>
			{thread.quote ? (
				<figure className="mt-2">
					<blockquote lang={HTML_LANG[thread.lang]} className="border-l-4 border-gold-400 pl-3 text-slate-700">
						{thread.quote}
					</blockquote>
					{thread.passageChanged ? (
						<figcaption className="mt-1 text-xs font-medium text-amber-800" data-testid="passage-changed">
							<span aria-hidden="true">⚠ </span>
							{t('comments.passage-changed')}
						</figcaption>
					) : null}
				</figure>
			) : null}
			<ol className="mt-2 space-y-2">
				{[first!, ...replies].map((comment) => (
					<li key={comment.id} id={comment.id === thread.id ? undefined : `comment-${comment.id}`}>
						<p className="text-xs text-slate-500">
							<span className="font-semibold text-slate-700">{comment.authorName ?? t('history.unknown-author')}</span> · {comment.createdAt}
						</p>
						<p className="mt-0.5 whitespace-pre-wrap break-words text-slate-800">{comment.body}</p>
					</li>
				))}
			</ol>
			<div className="mt-3 flex flex-wrap items-start gap-3">
				<details className="min-w-0 flex-1" open={Boolean(echo)}>
					<summary className="cursor-pointer text-navy-700">{t('comments.reply')}</summary>
					<Form method="post" className="mt-2 space-y-2">
						<input type="hidden" name="intent" value="reply" />
						<input type="hidden" name="parentId" value={thread.id} />
						<label htmlFor={`reply-${thread.id}`} className="sr-only">
							{t('comments.reply')}
						</label>
						<textarea id={`reply-${thread.id}`} name="body" required rows={2} defaultValue={echo?.body ?? ''} maxLength={page.limits.comment} className={field} />
						<ErrorLine actionData={actionData} target={target} />
						<button type="submit" className={smallButton}>
							{t('comments.send-reply')}
						</button>
					</Form>
				</details>
				{first?.mayResolve ? (
					<Form method="post">
						<input type="hidden" name="intent" value={thread.resolved ? 'reopen' : 'resolve'} />
						<input type="hidden" name="commentId" value={thread.id} />
						<button type="submit" className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 underline hover:text-navy-900">
							{thread.resolved ? t('comments.reopen') : t('comments.resolve')}
						</button>
					</Form>
				) : null}
			</div>
		</article>
	)
}

/** Threads whose section was removed since: kept, and shown together after the sections. */
export function OrphanThreads({ page }: { page: DraftPageData }) {
	const { t } = useTranslation('drafts')
	return (
		<section aria-labelledby="orphans-heading" className="mt-8 rounded-lg border border-slate-200 p-4">
			<h2 id="orphans-heading" className="text-lg font-semibold text-navy-900">
				{t('comments.orphans')}
			</h2>
			<div className="mt-3 space-y-3">
				{page.orphanThreads.map((thread) => (
					<ThreadView key={thread.id} page={page} thread={thread} actionData={undefined} />
				))}
			</div>
		</section>
	)
}
