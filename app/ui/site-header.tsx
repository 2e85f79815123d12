/**
 * The lab's name in both scripts, the main navigation, the member's links
 * (sign in, or account, admin and sign out) and the language switcher.
 * Sections not built yet are absent; the home page's own sections are
 * linked by anchor, the news has its own pages.
 */
import { Form, Link, NavLink } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { can, type Role } from '#app/auth/permissions.ts'
import type { Lang } from '#app/i18n/config.ts'
import { localizePath } from '#app/i18n/lang.ts'
import { LanguageSwitcher } from './language-switcher.tsx'

const navLinkClass =
	'block whitespace-nowrap border-b-2 border-transparent px-3 py-3 text-white/80 hover:text-white aria-[current=page]:border-gold-400 aria-[current=page]:text-white'

export function SiteHeader({ lang, user }: { lang: Lang; user: { name: string; role: Role } | null }) {
	const { t } = useTranslation()
	const home = localizePath(lang)
	const links = [
		{ to: `${home}#comparison`, label: t('nav.comparison') },
		{ to: '#contact', label: t('nav.contact') },
	]
	// The UI hides what the server would refuse, by the same rules.
	const actor = user ? { id: '', role: user.role } : null
	return (
		<header className="bg-navy-900 text-white">
			<a
				href="#main"
				className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-gold-400 focus:px-4 focus:py-2 focus:text-navy-900"
			>
				{t('nav.skipToContent')}
			</a>
			<div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3 sm:px-6 sm:py-4">
				<Link to={home} className="flex min-w-0 items-center gap-2 sm:gap-3" aria-label={t('site.homeLinkLabel')}>
					<LabMark />
					<span className="flex flex-col leading-tight">
						<span lang="en" className="text-sm font-semibold tracking-tight sm:text-lg">
							{t('site.nameEn')}
						</span>
						<span lang="zh-CN" className="text-xs text-navy-100 sm:text-base">
							{t('site.nameZh')}
						</span>
					</span>
				</Link>
				<LanguageSwitcher lang={lang} />
			</div>
			<nav aria-label={t('nav.label')} className="border-t border-white/10 bg-navy-800">
				{/* On a phone the member's links get their own row. */}
				<div className="mx-auto flex max-w-6xl flex-col px-2 text-sm sm:flex-row sm:items-center sm:justify-between sm:gap-2 sm:px-4">
					<ul className="flex gap-1 overflow-x-auto">
						<li>
							<NavLink to={home} end className={navLinkClass}>
								{t('nav.home')}
							</NavLink>
						</li>
						<li>
							{/* Current on the listing and on every article. */}
							<NavLink to={localizePath(lang, '/news')} className={navLinkClass}>
								{t('nav.news')}
							</NavLink>
						</li>
						<li>
							{/* Current on the list and on every group's pages. */}
							<NavLink to={localizePath(lang, '/groups')} className={navLinkClass}>
								{t('nav.groups')}
							</NavLink>
						</li>
						<li>
							<NavLink to={localizePath(lang, '/meetings')} className={navLinkClass}>
								{t('nav.meetings')}
							</NavLink>
						</li>
						{links.map((link) => (
							<li key={link.to}>
								<Link to={link.to} className={navLinkClass}>
									{link.label}
								</Link>
							</li>
						))}
					</ul>
					<ul className="flex shrink-0 items-center justify-end gap-1 border-t border-white/10 sm:border-0" data-testid="member-links">
						{user ? (
							<>
								{can(actor, 'news:write') ? (
									<li>
										<NavLink to={localizePath(lang, '/newsroom')} className={navLinkClass}>
											{t('nav.newsroom')}
										</NavLink>
									</li>
								) : null}
								{can(actor, 'admin:users:read') ? (
									<li>
										<NavLink to={localizePath(lang, '/admin')} className={navLinkClass}>
											{t('nav.admin')}
										</NavLink>
									</li>
								) : null}
								<li>
									<NavLink to={localizePath(lang, '/account')} className={navLinkClass} title={t('nav.userMenu')}>
										<span className="inline-block max-w-32 truncate align-bottom">{user.name}</span>
									</NavLink>
								</li>
								<li>
									<Form method="post" action={localizePath(lang, '/logout')}>
										<button type="submit" className="px-3 py-3 text-white/80 hover:text-white">
											{t('nav.signOut')}
										</button>
									</Form>
								</li>
							</>
						) : (
							<li>
								<NavLink to={localizePath(lang, '/login')} className={navLinkClass}>
									{t('nav.signIn')}
								</NavLink>
							</li>
						)}
					</ul>
				</div>
			</nav>
		</header>
	)
}

/** A small emblem: a charging plug in a leaf, in the lab's colours. */
function LabMark() {
	return (
		<svg aria-hidden="true" viewBox="0 0 40 40" className="size-8 shrink-0 sm:size-10">
			<circle cx="20" cy="20" r="19" className="fill-gold-400" />
			<path d="M12 27c0-9 6-15 17-16-1 11-7 17-16 17" className="fill-navy-900" />
			<path d="M21 15l-4 7h4l-2 6 6-8h-4l2-5z" className="fill-gold-400" />
		</svg>
	)
}
