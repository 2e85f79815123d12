/**
 * A draft's status and its translation state, as words (never colour alone):
 * shared by the list, the draft page, the editor and the group page's list.
 */
import { useTranslation } from 'react-i18next'
import type { TranslationState } from '#app/documents/translation-status.ts'
import type { Lang } from '#app/i18n/config.ts'
import type { DraftStatus } from './model.ts'
import type { TranslationSummary } from './translation.ts'

const STATUS_TONE: Record<DraftStatus, string> = {
	drafting: 'bg-slate-200 text-slate-800',
	in_review: 'bg-sky-100 text-sky-900',
	final: 'bg-navy-100 text-navy-900',
	published: 'bg-leaf-50 text-leaf-600 ring-1 ring-leaf-600/30',
}

export function DraftStatusBadge({ status }: { status: DraftStatus }) {
	const { t } = useTranslation('drafts')
	return (
		<span className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${STATUS_TONE[status]}`} data-testid="draft-status">
			{t(`status.${status}`)}
		</span>
	)
}

/** "12 sections · 10 translated · 1 outdated · 1 missing" */
export function TranslationSummaryLine({ summary }: { summary: TranslationSummary }) {
	const { t } = useTranslation('drafts')
	return (
		<span className="inline-flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-700" data-testid="translation-summary">
			<span>{t('translation.sections', { count: summary.sections })}</span>
			<span>{t('translation.current', { count: summary.current })}</span>
			{summary.outdated > 0 ? (
				<span className="font-medium text-amber-800">
					<span aria-hidden="true">⚠ </span>
					{t('translation.outdated', { count: summary.outdated })}
				</span>
			) : null}
			{summary.missing > 0 ? <span className="font-medium text-slate-800">{t('translation.missing', { count: summary.missing })}</span> : null}
		</span>
	)
}

const STATE_TONE: Record<TranslationState, string> = {
	original: 'bg-slate-100 text-slate-700',
	current: 'bg-leaf-50 text-leaf-600',
	outdated: 'bg-amber-100 text-amber-900',
	missing: 'bg-slate-100 text-slate-600 italic',
}

/** One language of one section: "Original", "Translation current", "Translation outdated", "Not translated yet". */
export function SectionStateBadge({ state, lang }: { state: TranslationState; lang: Lang }) {
	const { t } = useTranslation('drafts')
	return (
		<span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${STATE_TONE[state]}`} data-state={state} data-lang={lang}>
			{state === 'outdated' ? <span aria-hidden="true">⚠ </span> : null}
			{t(`translation.state.${state}`)}
		</span>
	)
}
