/**
 * A draft as readers see it: both titles, status and translation summary,
 * then the sections with English and Chinese side by side on wide screens
 * (one above the other on phones), each language marked with its state. For
 * those who work on it: links to edit, history and compare, comment threads
 * under each section, and the review panel.
 */
import { useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { HTML_LANG, LANGS, otherLang } from '#app/i18n/config.ts'
import { ConfirmationBox } from '#app/ui/confirm.tsx'
import type { PageData } from '#app/ui/page-data.ts'
import { DraftStatusBadge, SectionStateBadge, TranslationSummaryLine } from './badges.tsx'
import { SectionComments, OrphanThreads } from './comments-view.tsx'
import type { DraftPageActionData, loadDraftPage } from './draft-page.server.ts'
import { ReviewPanel } from './review-panel.tsx'
import { Link } from '#app/ui/link.tsx'

export type DraftPageData = PageData<typeof loadDraftPage>

const linkClass = 'font-medium text-navy-700 underline underline-offset-2 hover:text-navy-900'

export function DraftPage({ page }: { page: DraftPageData }) {
	const { t } = useTranslation('drafts')
	const actionData = useActionData<DraftPageActionData>()
	const { draft, lang } = page
	const other = otherLang(lang)
	return (
		<div className="mx-auto max-w-7xl px-4 pb-8 pt-8 sm:px-6">
			<p>
				<Link to={page.paths.list} className="text-sm font-medium text-navy-700 hover:underline">
					<span aria-hidden="true">← </span>
					{t('draft.all')}
				</Link>
			</p>
			<header className="mt-4 border-b border-slate-200 pb-6">
				<p className="text-sm font-semibold uppercase tracking-wider text-leaf-600">{draft.group.name}</p>
				<h1 className="mt-2 text-balance text-3xl font-bold tracking-tight text-navy-900" lang={draft.title[lang] ? undefined : HTML_LANG[other]}>
					{draft.displayTitle}
				</h1>
				{draft.title[other] && draft.title[lang] ? (
					<p lang={HTML_LANG[other]} className="mt-1 text-xl text-slate-600">
						{draft.title[other]}
					</p>
				) : null}
				<div className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2">
					<DraftStatusBadge status={draft.status} />
					<TranslationSummaryLine summary={page.summary} />
					<span className="text-sm text-slate-500">
						<time dateTime={draft.updatedDateTime}>{t('draft.updated', { time: draft.updated })}</time>
					</span>
				</div>
				<nav aria-label={t('draft.actions')} className="mt-4 flex flex-wrap gap-x-5 gap-y-2 text-sm">
					{page.may.edit ? (
						<Link to={page.paths.edit} className="rounded-md bg-navy-900 px-3 py-1.5 font-medium text-white hover:bg-navy-700">
							{t('draft.edit')}
						</Link>
					) : null}
					{page.may.readWork ? (
						<>
							<Link to={page.paths.history} className={linkClass}>
								{t('draft.history')}
							</Link>
							<Link to={page.paths.compare} className={linkClass}>
								{t('draft.compare')}
							</Link>
							{page.summary.outdated > 0 ? (
								<Link to={page.paths.translation} className={linkClass}>
									{t('draft.translation-changes')}
								</Link>
							) : null}
						</>
					) : null}
					<a href={page.paths.docx} className={linkClass} download>
						{t('draft.export-docx')}
					</a>
					<a href={page.paths.markdown} className={linkClass} download>
						{t('draft.export-markdown')}
					</a>
					<Link to={page.paths.print} className={linkClass}>
						{t('draft.print')}
					</Link>
				</nav>
			</header>

			{actionData?.confirm ? (
				<div className="mt-6">
					<ConfirmationBox pending={actionData.confirm} question={t(actionData.confirm.question.replace(/^drafts:/, '') as 'review.confirm-publish')} cancelHref={page.paths.draft} />
				</div>
			) : null}

			{page.sections.length === 0 ? <p className="mt-8 text-slate-600">{t('draft.empty')}</p> : null}
			<div className="mt-6 hidden grid-cols-2 gap-8 text-sm font-semibold uppercase tracking-wider text-slate-500 lg:grid" aria-hidden="true">
				<span>{t('column.en')}</span>
				<span>{t('column.zh')}</span>
			</div>
			<div className="divide-y divide-slate-200">
				{page.sections.map((section) => (
					<section key={section.id} id={`section-${section.id}`} aria-label={section.heading ?? t('draft.section-number', { number: section.number })} className="py-6" data-testid="draft-section">
						<div className="grid gap-6 lg:grid-cols-2">
							{LANGS.map((l) => (
								<div key={l} lang={HTML_LANG[l]} className="min-w-0" data-lang={l}>
									<p className="mb-1 flex items-center gap-2 text-xs text-slate-500 lg:hidden" lang={HTML_LANG[lang]}>
										<span className="font-semibold uppercase tracking-wider">{t(`column.${l}`)}</span>
									</p>
									{section.states[l] !== 'original' && section.states[l] !== 'current' ? (
										<p className="mb-2" lang={HTML_LANG[lang]}>
											<SectionStateBadge state={section.states[l]} lang={l} />
										</p>
									) : null}
									{section.html[l] ? (
										// Rendered from Markdown and sanitized on the server (app/content/markdown.server.ts).
										<div className="prose" dangerouslySetInnerHTML={{ __html: section.html[l] }} />
									) : (
										<p className="text-sm italic text-slate-500" lang={HTML_LANG[lang]}>
											{t('translation.state.missing')}
										</p>
									)}
								</div>
							))}
						</div>
						{page.may.comment ? <SectionComments page={page} sectionId={section.id} actionData={actionData} /> : null}
					</section>
				))}
			</div>
			{page.may.comment && page.orphanThreads.length > 0 ? <OrphanThreads page={page} /> : null}
			{page.may.readWork ? <ReviewPanel page={page} actionData={actionData} /> : null}
		</div>
	)
}
