/**
 * The lab's name in both scripts, the main navigation, the member's links
 * (sign in; or dashboard, newsroom, admin, account and sign out) and the
 * language switcher.
 *
 * From `lg:` the navigation is one row under the name. Below it (phones,
 * narrow tablets) it is a menu behind a "Menu" button: a <details> element,
 * so it opens without JavaScript too, and "Sign in" stays in the top bar.
 * Links wrap instead of scrolling, so a focus outline is never clipped.
 *
 * A search box on every page: a plain GET form to `/{lang}/search` (it works
 * without JavaScript), in the top bar from `lg:`, at the top of the menu below.
 */
import { Form, useLocation } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { can, type Role } from '#app/auth/permissions.ts'
import type { Lang } from '#app/i18n/config.ts'
import { localizePath } from '#app/i18n/lang.ts'
import { isCurrentPath } from './current-path.ts'
import { LanguageSwitcher } from './language-switcher.tsx'
import { Link } from './link.tsx'

const focusRing = 'focus-visible:outline focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-gold-400'
const navLinkClass = `block whitespace-nowrap border-b-2 border-transparent px-3 py-3 text-white/80 hover:text-white aria-[current=page]:border-gold-400 aria-[current=page]:text-white ${focusRing}`
const menuLinkClass = `block rounded px-3 py-2.5 text-base text-white/90 hover:bg-white/10 aria-[current=page]:bg-white/10 aria-[current=page]:font-semibold aria-[current=page]:text-white ${focusRing}`

interface HeaderLink {
	to: string
	label: string
	/** NavLink's `end`: current only on the exact path. */
	end?: boolean
	/** An anchor on the home page: never "current". */
	anchor?: boolean
	testId?: string
}

export function SiteHeader({ lang, user }: { lang: Lang; user: { name: string; role: Role } | null }) {
	const { t } = useTranslation()
	const home = localizePath(lang)
	const main: HeaderLink[] = [
		{ to: home, label: t('nav.home'), end: true },
		// Each current on its list and on every page beneath it.
		{ to: localizePath(lang, '/news'), label: t('nav.news') },
		{ to: localizePath(lang, '/groups'), label: t('nav.groups') },
		{ to: localizePath(lang, '/meetings'), label: t('nav.meetings') },
		{ to: localizePath(lang, '/drafts'), label: t('nav.drafts') },
		{ to: `${home}#comparison`, label: t('nav.comparison'), anchor: true },
		{ to: localizePath(lang, '/search'), label: t('nav.search') },
		{ to: localizePath(lang, '/contact'), label: t('nav.contact') },
	]
	// The UI hides what the server would refuse, by the same rules.
	const actor = user ? { id: '', role: user.role } : null
	const member: HeaderLink[] = user
		? [
				{ to: localizePath(lang, '/dashboard'), label: t('nav.dashboard'), testId: 'dashboard-link' },
				...(can(actor, 'news:write') ? [{ to: localizePath(lang, '/newsroom'), label: t('nav.newsroom') }] : []),
				...(can(actor, 'admin:users:read') ? [{ to: localizePath(lang, '/admin'), label: t('nav.admin') }] : []),
				{ to: localizePath(lang, '/account'), label: user.name },
			]
		: []
	const signIn = localizePath(lang, '/login')
	const { pathname } = useLocation()
	return (
		<header className="bg-navy-900 text-white">
			<a
				href="#main"
				className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-gold-400 focus:px-4 focus:py-2 focus:text-navy-900"
			>
				{t('nav.skipToContent')}
			</a>
			<div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3 sm:px-6 sm:py-4">
				{/* Named by its visible text (WCAG 2.5.3: what people see is what voice control hears), plus where it goes. */}
				<Link to={home} className={`flex min-w-0 items-center gap-2 rounded sm:gap-3 ${focusRing}`}>
					<LabMark />
					<span className="flex min-w-0 flex-col leading-tight">
						<span lang="en" className="text-sm font-semibold tracking-tight sm:text-lg">
							{t('site.nameEn')}
						</span>
						<span lang="zh-CN" className="text-xs text-navy-100 sm:text-base">
							{t('site.nameZh')}
						</span>
					</span>
					<span className="sr-only">{t('nav.home')}</span>
				</Link>
				<div className="flex shrink-0 items-center gap-2">
					{user ? null : (
						<HeaderNavLink link={{ to: signIn, label: t('nav.signIn') }} pathname={pathname} className={`rounded-full px-3 py-1 text-sm font-medium text-white hover:bg-white/10 lg:hidden ${focusRing}`} />
					)}
					<HeaderSearch lang={lang} id="header-search" className="hidden lg:flex" />
					<LanguageSwitcher lang={lang} />
				</div>
			</div>
			<nav aria-label={t('nav.label')} className="border-t border-white/10 bg-navy-800">
				<PhoneMenu main={main} member={member} user={user} lang={lang} />
				<div className="mx-auto hidden max-w-6xl items-center justify-between gap-2 px-4 text-sm lg:flex">
					<ul className="flex flex-wrap gap-x-1">
						{main.map((link) => (
							<li key={link.to}>
								<HeaderNavLink link={link} className={navLinkClass} pathname={pathname} />
							</li>
						))}
					</ul>
					<ul className="flex flex-wrap items-center justify-end gap-x-1" data-testid="member-links">
						{member.map((link) => (
							<li key={link.to}>
								<HeaderNavLink link={link} className={navLinkClass} pathname={pathname} />
							</li>
						))}
						<li>{user ? <SignOut lang={lang} className={`px-3 py-3 text-white/80 hover:text-white ${focusRing}`} /> : <HeaderNavLink link={{ to: signIn, label: t('nav.signIn') }} className={navLinkClass} pathname={pathname} />}</li>
					</ul>
				</div>
			</nav>
		</header>
	)
}

/** Below `lg:`: the same links in a menu that opens under the header. */
function PhoneMenu({ main, member, user, lang }: { main: HeaderLink[]; member: HeaderLink[]; user: { name: string } | null; lang: Lang }) {
	const { t } = useTranslation()
	const details = useRef<HTMLDetailsElement>(null)
	const location = useLocation()
	// A link followed inside the menu closes it.
	useEffect(() => {
		if (details.current) details.current.open = false
	}, [location.pathname, location.hash])
	return (
		<details ref={details} className="group mx-auto max-w-6xl lg:hidden" data-testid="phone-menu">
			<summary className={`flex cursor-pointer list-none items-center gap-2 px-4 py-3 text-sm font-medium text-white sm:px-6 [&::-webkit-details-marker]:hidden ${focusRing}`}>
				<svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 fill-current">
					<path className="group-open:hidden" d="M3 5h14v2H3zm0 4h14v2H3zm0 4h14v2H3z" />
					<path className="hidden group-open:block" d="M5.3 4 10 8.6 14.7 4l1.3 1.3L11.4 10l4.6 4.7-1.3 1.3-4.7-4.6L5.3 16 4 14.7 8.6 10 4 5.3z" />
				</svg>
				{t('nav.menu')}
			</summary>
			<div className="border-t border-white/10 px-2 pb-3 sm:px-4">
				<HeaderSearch lang={lang} id="menu-search" className="mx-1 mt-3 flex" />
				<ul className="mt-2 space-y-0.5">
					{main.map((link) => (
						<li key={link.to}>
							<HeaderNavLink link={link} className={menuLinkClass} pathname={location.pathname} />
						</li>
					))}
				</ul>
				{user ? (
					<>
						<p className="mt-3 border-t border-white/10 px-3 pt-3 text-xs font-semibold uppercase tracking-wider text-navy-100">{t('nav.yours', { name: user.name })}</p>
						<ul className="mt-1 space-y-0.5" data-testid="member-links-menu">
							{member.map((link) => (
								<li key={link.to}>
									<HeaderNavLink link={link} className={menuLinkClass} pathname={location.pathname} />
								</li>
							))}
							<li>
								<SignOut lang={lang} className={`block w-full rounded px-3 py-2.5 text-left text-base text-white/90 hover:bg-white/10 ${focusRing}`} />
							</li>
						</ul>
					</>
				) : null}
			</div>
		</details>
	)
}

/** The query goes to the search page in the page's language; the label is read out, the placeholder only hints. */
function HeaderSearch({ lang, id, className }: { lang: Lang; id: string; className: string }) {
	const { t } = useTranslation()
	return (
		<form method="get" action={localizePath(lang, '/search')} role="search" aria-label={t('nav.searchLabel')} className={`${className} min-w-0 items-center gap-1`} data-testid={id}>
			<label htmlFor={id} className="sr-only">
				{t('nav.searchLabel')}
			</label>
			<input
				id={id}
				name="q"
				type="search"
				maxLength={500}
				placeholder={t('nav.searchPlaceholder')}
				className={`w-full min-w-0 rounded-md border border-white/20 bg-white/10 px-3 py-1.5 text-sm text-white placeholder:text-white/60 lg:w-44 ${focusRing}`}
			/>
			<button type="submit" className={`shrink-0 rounded-md bg-gold-400 px-3 py-1.5 text-sm font-medium text-navy-900 hover:bg-gold-300 ${focusRing}`}>
				{t('nav.searchSubmit')}
			</button>
		</form>
	)
}

/** A link of the navigation, marked as the page shown where it leads there. */
function HeaderNavLink({ link, className, pathname }: { link: HeaderLink; className: string; pathname: string }) {
	const current = !link.anchor && isCurrentPath(pathname, link.to, { end: link.end })
	return (
		<Link to={link.to} className={className} aria-current={current ? 'page' : undefined} data-testid={link.testId}>
			{link.label}
		</Link>
	)
}

function SignOut({ lang, className }: { lang: Lang; className: string }) {
	const { t } = useTranslation()
	return (
		<Form method="post" action={localizePath(lang, '/logout')}>
			<button type="submit" className={className}>
				{t('nav.signOut')}
			</button>
		</Form>
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
