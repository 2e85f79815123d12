/** The words screen readers hear for diffs on the drafts pages, in the page's language. */
import { useTranslation } from 'react-i18next'
import type { DiffViewLabels } from '#app/documents/diff-view.tsx'

export function useDiffLabels(): DiffViewLabels {
	const { t } = useTranslation('drafts')
	return { inserted: t('diff.inserted'), deleted: t('diff.deleted'), before: t('diff.before'), after: t('diff.after') }
}
