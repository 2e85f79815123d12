/**
 * A meeting record as its readers see it: the minutes in both languages side
 * by side (one after the other on a phone and on paper), decisions, action
 * items, sign-offs with their hashes and what recomputing them says, and the
 * review panel for the group and its reviewers. Prints as a clean bilingual
 * document (./record-print.css): no navigation, no forms, full hashes.
 */
import { useSearchParams } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { sha256Hex } from '#app/documents/content-hash.ts'
import { HTML_LANG, LANGS, otherLang, type Lang } from '#app/i18n/config.ts'
import { ConfirmationBox, type PendingConfirmation } from '#app/ui/confirm.tsx'
import { Enhancement, useHydrated } from '#app/ui/enhancement.tsx'
import { PRINT_SCRIPT, VERIFY_HASH_SCRIPT } from '#app/ui/enhancements.ts'
import { StatusNotice } from '#app/ui/forms.tsx'
import type { PageData } from '#app/ui/page-data.ts'
import type { loadRecordPage } from './record-page.server.ts'
import { ReviewPanel, type ReviewActionData } from './review-panel.tsx'
import { Link } from '#app/ui/link.tsx'

type Page = PageData<typeof loadRecordPage>
/** The page of a record that exists. */
export type RecordPageData = Extract<Page, { view: 'current' | 'published' }>

const SAVED_NOTICES = ['saved', 'unchanged', 'request-review', 'comment', 'request-changes', 'approve', 'publish'] as const

export function RecordStatusBadge({ status }: { status: 'draft' | 'in_review' | 'approved' | 'published' }) {
	const { t } = useTranslation('records')
	const tone = {
		draft: 'bg-slate-100 text-slate-700',
		in_review: 'bg-amber-100 text-amber-900',
		approved: 'bg-leaf-50 text-leaf-800',
		published: 'bg-navy-50 text-navy-800',
	}[status]
	return (
		<span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold uppercase tracking-wide ${tone}`} data-testid="record-status">
			{t(`status.${status}`)}
		</span>
	)
}

export function RecordPage({ page, actionData }: { page: Page; actionData: ReviewActionData | undefined }) {
	const { t } = useTranslation('records')
	const [searchParams] = useSearchParams()
	const saved = searchParams.get('saved')
	const { meeting, group, record, lang } = page
	const confirm = actionData?.confirm as PendingConfirmation | null | undefined
	return (
		<div className="mx-auto max-w-6xl px-4 pb-10 pt-6 sm:px-6 sm:pt-10" data-record-page="">
			<nav aria-label={t('record.breadcrumbs')} className="text-sm" data-print="hide">
				<Link to={group.href} className="font-medium text-navy-700 hover:underline">
					{group.name}
				</Link>
				<span aria-hidden="true" className="px-2 text-slate-400">/</span>
				<Link to={meeting.href} className="font-medium text-navy-700 hover:underline">
					{meeting.title}
				</Link>
			</nav>
			<header className="mt-3 flex flex-wrap items-start justify-between gap-4">
				<div className="min-w-0">
					<p className="text-sm font-semibold uppercase tracking-wider text-leaf-600">{t('record.kicker')}</p>
					<h1 className="mt-1 text-balance text-2xl font-bold tracking-tight text-navy-900 sm:text-3xl">{meeting.title}</h1>
					<p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
						<span>{group.name}</span>
						<span>{meeting.startsAt}</span>
						{record ? (
							<>
								<RecordStatusBadge status={page.view === 'published' ? 'published' : record.status} />
								<span data-testid="record-version">{t('record.version', { version: record.shownVersion })}</span>
							</>
						) : null}
					</p>
				</div>
				<div className="flex flex-wrap gap-3 text-sm" data-print="hide">
					{page.editHref ? (
						<Link to={page.editHref} className="rounded-md bg-navy-900 px-4 py-2 font-medium text-white hover:bg-navy-700">
							{record ? t('record.edit') : t('record.start')}
						</Link>
					) : null}
					{record && page.historyHref ? (
						<Link to={page.historyHref} className="rounded-md border border-navy-900 px-4 py-2 font-medium text-navy-900 hover:bg-navy-50">
							{t('record.history')}
						</Link>
					) : null}
					{record ? <PrintButton /> : null}
				</div>
			</header>

			<div className="mt-4 space-y-3" data-print="hide">
				{saved && (SAVED_NOTICES as readonly string[]).includes(saved) && !actionData ? (
					<StatusNotice>{t(`saved.${saved as 'saved'}`)}</StatusNotice>
				) : null}
				{confirm ? <ConfirmationBox pending={confirm} question={t(confirm.question as 'confirm.approve', { version: record?.version, hash: record?.shortHash })} cancelHref={page.recordHref} /> : null}
				{meeting.cancelled ? <Notice tone="warn">{t('record.cancelled')}</Notice> : null}
				{record?.awaitingReapproval ? <Notice tone="warn" testId="reapproval-notice">{t('record.awaiting-reapproval', { version: record.version })}</Notice> : null}
				{record?.newerInReview ? <Notice tone="info">{t('record.newer-in-review', { published: record.publishedVersion, version: record.version })}</Notice> : null}
				{page.view === 'published' && record && record.shownVersion !== record.version ? <Notice tone="info">{t('record.published-version')}</Notice> : null}
			</div>

			{!record ? (
				<p className="mt-8 rounded-lg border border-dashed border-slate-300 p-6 text-slate-700" data-testid="no-record">
					{t('record.none')}
				</p>
			) : (
				<RecordBody page={page as RecordPageData} actionData={actionData} />
			)}
		</div>
	)
}

function Notice({ tone, children, testId }: { tone: 'warn' | 'info'; children: React.ReactNode; testId?: string }) {
	const style = tone === 'warn' ? 'border-gold-400 bg-gold-300/30' : 'border-navy-100 bg-navy-50'
	return (
		<p role="note" className={`rounded-md border px-4 py-3 text-sm text-slate-800 ${style}`} data-testid={testId}>
			{children}
		</p>
	)
}

/** Readers without an account get no React here (`hydrate: 'signed-in'`): PRINT_SCRIPT shows and wires the button. */
function PrintButton() {
	const { t } = useTranslation('records')
	const hydrated = useHydrated()
	return (
		<>
			<button
				type="button"
				hidden={!hydrated}
				onClick={() => window.print()}
				className="rounded-md border border-slate-400 px-4 py-2 font-medium text-slate-800 hover:bg-slate-50"
			>
				{t('record.print')}
			</button>
			<Enhancement script={PRINT_SCRIPT} />
		</>
	)
}

function RecordBody({ page, actionData }: { page: RecordPageData; actionData: ReviewActionData | undefined }) {
	const { t } = useTranslation('records')
	const { record, content, lang } = page
	// The reader's language first on a phone; side by side from `lg`.
	const order: Lang[] = [lang, otherLang(lang)]
	return (
		<>
			<section aria-labelledby="minutes-heading" className="mt-8">
				<h2 id="minutes-heading" className="text-xl font-semibold text-navy-900">
					{t('record.minutes')}
				</h2>
				<div className="mt-4 grid gap-6 lg:grid-cols-2" data-print="languages">
					{order.map((l) => {
						const minutes = content.minutes[l]
						return (
							<article key={l} lang={HTML_LANG[l]} className="min-w-0 rounded-lg border border-slate-200 p-4 sm:p-6" data-testid={`minutes-${l}`}>
								<h3 lang={HTML_LANG[lang]} className="flex flex-wrap items-center gap-2 text-sm font-semibold uppercase tracking-wider text-slate-500">
									{t(`language.${l}`)}
									{minutes ? <TranslationBadge state={minutes.state} other={otherLang(l)} /> : null}
								</h3>
								{minutes ? (
									<div className="prose mt-3 break-words [&_h2]:text-lg [&_h3]:text-base" dangerouslySetInnerHTML={{ __html: minutes.html }} />
								) : (
									<p lang={HTML_LANG[lang]} className="mt-3 text-sm text-slate-500">
										{t('record.not-written')}
									</p>
								)}
							</article>
						)
					})}
				</div>
			</section>

			<section aria-labelledby="decisions-heading" className="mt-10" data-print="keep">
				<h2 id="decisions-heading" className="text-xl font-semibold text-navy-900">
					{t('record.decisions')}
				</h2>
				{content.decisions.length === 0 ? (
					<p className="mt-2 text-sm text-slate-500">{t('record.no-decisions')}</p>
				) : (
					<ol className="mt-3 list-decimal space-y-3 pl-6" data-testid="decisions">
						{content.decisions.map((decision, index) => (
							<li key={index} className="text-slate-800">
								<BilingualText en={decision.en} zh={decision.zh} first={lang} />
							</li>
						))}
					</ol>
				)}
			</section>

			<section aria-labelledby="items-heading" className="mt-10" data-print="keep">
				<h2 id="items-heading" className="text-xl font-semibold text-navy-900">
					{t('record.action-items')}
				</h2>
				{content.actionItems.length === 0 ? (
					<p className="mt-2 text-sm text-slate-500">{t('record.no-action-items')}</p>
				) : (
					<ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200" data-testid="action-items">
						{content.actionItems.map((item) => (
							<li key={item.id} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-start sm:justify-between">
								<div className="min-w-0">
									<BilingualText en={item.en} zh={item.zh} first={lang} />
								</div>
								<p className="shrink-0 text-sm text-slate-600 sm:text-right">
									<span className="block font-medium text-slate-800">{item.ownerName}</span>
									<span className="block">{t('record.due', { date: item.due })}</span>
									{item.status ? (
										<span
											className={`mt-1 inline-block rounded px-2 py-0.5 text-xs font-semibold ${item.overdue ? 'bg-red-50 text-red-800' : item.status === 'done' ? 'bg-leaf-50 text-leaf-800' : 'bg-slate-100 text-slate-700'}`}
										>
											{item.overdue ? t('items.overdue') : t(`items.status.${item.status}`)}
										</span>
									) : null}
								</p>
							</li>
						))}
					</ul>
				)}
			</section>

			<Signoffs page={page} />

			{page.review ? <ReviewPanel page={page as RecordPageData & { review: NonNullable<RecordPageData['review']> }} actionData={actionData} /> : null}
		</>
	)
}

function BilingualText({ en, zh, first }: { en: string; zh: string; first: Lang }) {
	const texts: Record<Lang, string> = { en, zh }
	return (
		<>
			{[first, otherLang(first)].map((l) =>
				texts[l] ? (
					<p key={l} lang={HTML_LANG[l]} className={l === first ? 'text-slate-900' : 'text-sm text-slate-600'}>
						{texts[l]}
					</p>
				) : null,
			)}
		</>
	)
}

function TranslationBadge({ state, other }: { state: 'original' | 'current' | 'outdated' | 'missing'; other: Lang }) {
	const { t } = useTranslation('records')
	if (state === 'missing') return null
	const tone = state === 'outdated' ? 'bg-amber-100 text-amber-900' : state === 'current' ? 'bg-leaf-50 text-leaf-800' : 'bg-slate-100 text-slate-700'
	return <span className={`rounded px-2 py-0.5 text-xs normal-case tracking-normal ${tone}`}>{t(`translation.${state}`, { language: t(`language-name.${other}`) })}</span>
}

function Signoffs({ page }: { page: RecordPageData }) {
	const { t } = useTranslation('records')
	const { record, signoffGroups } = page
	return (
		<section aria-labelledby="signoffs-heading" className="mt-10" data-print="keep" data-testid="signoffs">
			<h2 id="signoffs-heading" className="text-xl font-semibold text-navy-900">
				{t('signoff.heading')}
			</h2>
			<p className="mt-1 max-w-prose text-sm text-slate-600">{t('signoff.intro')}</p>
			<p className="mt-3 text-sm text-slate-800">
				{t('signoff.shown-hash', { version: record.shownVersion })}{' '}
				<code className="break-all rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs" data-testid="current-hash">
					{record.hash}
				</code>
			</p>
			{signoffGroups.length === 0 ? (
				<p className="mt-3 text-sm text-slate-500" data-testid="no-signoffs">
					{t('signoff.none')}
				</p>
			) : (
				<ol className="mt-4 space-y-4">
					{signoffGroups.map((group) => (
						<li key={group.version} className="rounded-lg border border-slate-200 p-4" data-testid={`signoff-version-${group.version}`}>
							<h3 className="font-semibold text-navy-900">{t('signoff.version', { version: group.version })}</h3>
							<ul className="mt-2 space-y-3">
								{group.signoffs.map((signoff) => (
									<li key={signoff.id} className="text-sm" data-testid="signoff">
										<p className="text-slate-800">
											{t('signoff.by', { name: signoff.signerName })}{' '}
											<time dateTime={signoff.signedAtIso}>{signoff.signedAt}</time>
										</p>
										<p className="mt-1">
											<span className="text-slate-600">SHA-256 </span>
											<code className="break-all font-mono text-xs text-slate-900" data-testid="signoff-hash">
												{signoff.hash}
											</code>
										</p>
										<p className="mt-1 flex flex-wrap gap-2">
											<Verdict ok={signoff.intact} testId="signoff-intact" yes={t('signoff.intact')} no={t('signoff.tampered')} />
											<Verdict
												ok={signoff.matchesShown}
												testId="signoff-matches"
												yes={t('signoff.matches', { version: record.shownVersion })}
												no={t('signoff.differs', { version: record.shownVersion })}
											/>
										</p>
									</li>
								))}
							</ul>
						</li>
					))}
				</ol>
			)}
			<BrowserCheck canonicalText={record.canonicalText} hashes={signoffGroups.flatMap((g) => g.signoffs.map((s) => s.hash))} />
		</section>
	)
}

function Verdict({ ok, yes, no, testId }: { ok: boolean; yes: string; no: string; testId: string }) {
	return (
		<span
			className={`inline-flex items-center gap-1 rounded px-2 py-0.5 text-xs font-medium ${ok ? 'bg-leaf-50 text-leaf-800' : 'bg-red-50 text-red-800'}`}
			data-testid={testId}
			data-ok={ok ? 'true' : 'false'}
		>
			<span aria-hidden="true">{ok ? '✓' : '✗'}</span>
			{ok ? yes : no}
		</span>
	)
}

/**
 * Recomputes the hash of the canonical text in this browser (Web Crypto): the
 * server's word is not needed. With React (members) or, for readers without
 * an account, VERIFY_HASH_SCRIPT on the same markup.
 */
function BrowserCheck({ canonicalText, hashes }: { canonicalText: string; hashes: string[] }) {
	const { t } = useTranslation('records')
	const [result, setResult] = useState<string | null>(null)
	const hydrated = useHydrated()
	return (
		<div className="mt-4 space-y-2" data-print="hide">
			<details className="rounded-md border border-slate-200 p-3 text-sm">
				<summary className="cursor-pointer font-medium text-navy-800">{t('signoff.canonical')}</summary>
				<p className="mt-2 text-slate-600">{t('signoff.canonical-help')}</p>
				<pre id="canonical-text" className="mt-2 max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-3 font-mono text-xs" data-testid="canonical-text">
					{canonicalText}
				</pre>
			</details>
			<div
				hidden={!hydrated}
				className="flex flex-wrap items-center gap-3 text-sm"
				data-source="canonical-text"
				data-hashes={hashes.join(' ')}
				data-matches={t('signoff.browser-matches')}
				data-differs={t('signoff.browser-differs')}
			>
				<button
					type="button"
					className="rounded-md border border-navy-900 px-3 py-1.5 font-medium text-navy-900 hover:bg-navy-50"
					onClick={async () => setResult(await sha256Hex(canonicalText))}
				>
					{t('signoff.verify-here')}
				</button>
				{result ? (
					<p role="status" data-testid="browser-check">
						<code className="break-all font-mono text-xs">{result}</code>{' '}
						{hashes.includes(result) ? t('signoff.browser-matches') : t('signoff.browser-differs')}
					</p>
				) : null}
			</div>
			<Enhancement script={VERIFY_HASH_SCRIPT} />
		</div>
	)
}
