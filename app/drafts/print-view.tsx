/**
 * The print-ready bilingual page: both titles, the draft's details, then the
 * sections with English and Chinese side by side, or all English then all
 * Chinese from a new page. Its stylesheet (print.css, media print) leaves
 * only the draft on paper.
 */
import { useTranslation } from 'react-i18next'
import { HTML_LANG, LANGS, type Lang } from '#app/i18n/config.ts'
import type { PageData } from '#app/ui/page-data.ts'
import { TranslationSummaryLine } from './badges.tsx'
import type { loadPrintPage } from './export.server.ts'
import { Link } from '#app/ui/link.tsx'

type Page = PageData<typeof loadPrintPage>

export function PrintPage({ page }: { page: Page }) {
	const { t } = useTranslation('drafts')
	return (
		<div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 print:max-w-none print:p-0">
			<nav aria-label={t('print.options')} className="mb-6 flex flex-wrap items-center gap-4 text-sm" data-print-hidden="">
				<Link to={page.paths.draft} className="font-medium text-navy-700 hover:underline">
					<span aria-hidden="true">← </span>
					{t('history.back')}
				</Link>
				<Link to={page.paths.sideBySide} aria-current={page.layout === 'side-by-side' ? 'page' : undefined} className="font-medium text-navy-700 underline aria-[current=page]:font-bold aria-[current=page]:no-underline">
					{t('print.side-by-side')}
				</Link>
				<Link to={page.paths.sequential} aria-current={page.layout === 'sequential' ? 'page' : undefined} className="font-medium text-navy-700 underline aria-[current=page]:font-bold aria-[current=page]:no-underline">
					{t('print.sequential')}
				</Link>
				<PrintButton />
			</nav>
			<header className="border-b border-slate-300 pb-4">
				{LANGS.map((l) =>
					page.title[l] ? (
						<p key={l} lang={HTML_LANG[l]} className={l === page.lang ? 'text-2xl font-bold text-navy-900' : 'mt-1 text-xl text-slate-700'}>
							{page.title[l]}
						</p>
					) : null,
				)}
				<h1 className="sr-only">{page.displayTitle}</h1>
				<dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm text-slate-700">
					{page.metaLines.map((line) => (
						<div key={line.label} className="contents">
							<dt className="font-semibold">{line.label}</dt>
							<dd>{line.value}</dd>
						</div>
					))}
				</dl>
				<div className="mt-2">
					<TranslationSummaryLine summary={page.summary} />
				</div>
			</header>
			{page.layout === 'side-by-side' ? (
				<div className="divide-y divide-slate-200">
					{page.sections.map((section) => (
						<section key={section.id} className="grid gap-6 py-4 md:grid-cols-2" data-print-section="" data-print-columns="">
							{LANGS.map((l) => (
								<Column key={l} page={page} html={section.html[l]} lang={l} />
							))}
						</section>
					))}
				</div>
			) : (
				LANGS.map((l, i) => (
					<div key={l} lang={HTML_LANG[l]} className={i > 0 ? 'mt-10 border-t-2 border-slate-300 pt-6' : 'pt-4'} data-print-sequential={i > 0 ? '' : undefined}>
						<p className="mb-2 text-sm font-semibold uppercase tracking-wider text-slate-500" lang={HTML_LANG[page.lang]}>
							{t(`column.${l}`)}
						</p>
						{page.sections.map((section) => (
							<section key={section.id} className="py-2" data-print-section="">
								<Column page={page} html={section.html[l]} lang={l} />
							</section>
						))}
					</div>
				))
			)}
		</div>
	)
}

function Column({ page, html, lang }: { page: Page; html: string; lang: Lang }) {
	const { t } = useTranslation('drafts')
	// Rendered from Markdown and sanitized on the server, as on the draft page.
	if (html) return <div lang={HTML_LANG[lang]} className="prose min-w-0 max-w-none" dangerouslySetInnerHTML={{ __html: html }} />
	return (
		<p lang={HTML_LANG[page.lang]} className="text-sm italic text-slate-500">
			{t('translation.state.missing')}
		</p>
	)
}

function PrintButton() {
	const { t } = useTranslation('drafts')
	return (
		<button type="button" onClick={() => window.print()} className="rounded-md bg-navy-900 px-3 py-1.5 font-medium text-white hover:bg-navy-700">
			{t('print.print')}
		</button>
	)
}
