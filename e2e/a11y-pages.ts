/**
 * The pages the accessibility check (a11y.spec.ts) and the screenshots
 * (screens.spec.ts) visit, in both languages: one line per page. Add yours
 * here: its path with `{lang}`, and who looks at it.
 */
import type { Role } from './fixtures.ts'

export interface CheckedPage {
	name: string
	/** `{lang}` is replaced by `en` and `zh`. */
	path: string
	/** Who is signed in to see it. */
	as: Role | 'anonymous'
}

/** The seed's first post: published, in both languages. */
const SEEDED_POST_ID = '1'

export const CHECKED_PAGES: CheckedPage[] = [
	{ name: 'home', path: '/{lang}', as: 'anonymous' },
	{ name: 'news', path: '/{lang}/news', as: 'anonymous' },
	{ name: 'article', path: '/{lang}/news/california-china-zev-partnership', as: 'anonymous' },
	{ name: 'contact', path: '/{lang}/contact', as: 'anonymous' },
	{ name: 'login', path: '/{lang}/login', as: 'anonymous' },
	{ name: 'account', path: '/{lang}/account', as: 'researcher' },
	{ name: 'newsroom', path: '/{lang}/newsroom', as: 'editor' },
	{ name: 'new-post', path: '/{lang}/newsroom/new', as: 'editor' },
	{ name: 'edit-post', path: `/{lang}/newsroom/${SEEDED_POST_ID}`, as: 'editor' },
	{ name: 'post-history', path: `/{lang}/newsroom/${SEEDED_POST_ID}/history?revision=1`, as: 'editor' },
	{ name: 'admin-users', path: '/{lang}/admin/users', as: 'admin' },
	{ name: 'audit-log', path: '/{lang}/admin/audit', as: 'admin' },
]

export function pathIn(page: CheckedPage, lang: 'en' | 'zh'): string {
	return page.path.replace('{lang}', lang)
}
