/**
 * The site's footer: how to reach the lab (its contact page, address and
 * email), what it is, and visible subscribe links for the feeds that
 * features offer in every page's <head> (the news in the page's language).
 */
import { useTranslation } from 'react-i18next'
import { DEFAULT_LANG } from '#app/i18n/config.ts'
import { localizePath } from '#app/i18n/lang.ts'
import { useRootData } from './root-data.ts'
import { Link } from './link.tsx'

export function SiteFooter() {
	const { t } = useTranslation()
	const root = useRootData()
	const lang = root?.lang ?? DEFAULT_LANG
	const feeds = root?.headLinks.filter((link) => link.rel === 'alternate') ?? []
	const email = t('footer.email')
	return (
		<footer id="contact" className="mt-16 bg-navy-900 text-navy-100">
			<div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 sm:grid-cols-2 sm:px-6">
				<section aria-labelledby="footer-contact">
					<h2 id="footer-contact" className="mb-3 text-base font-semibold text-white">
						{t('footer.contactHeading')}
					</h2>
					<address className="whitespace-pre-line not-italic">{t('footer.addressLines')}</address>
					<p className="mt-3">
						{t('footer.emailLabel')}{' '}
						<a href={`mailto:${email}`} className="text-gold-300 underline underline-offset-2 hover:text-gold-400">
							{email}
						</a>
					</p>
					<p className="mt-3">
						<Link to={localizePath(lang, '/contact')} className="text-gold-300 underline underline-offset-2 hover:text-gold-400">
							{t('footer.contactPage')}
						</Link>
					</p>
				</section>
				<section aria-labelledby="footer-about">
					<h2 id="footer-about" className="mb-3 text-base font-semibold text-white">
						{t('footer.aboutHeading')}
					</h2>
					<p>{t('footer.about')}</p>
					{feeds.length > 0 ? (
						<div className="mt-5">
							<h3 className="text-sm font-semibold text-white">{t('footer.subscribe')}</h3>
							<ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1" data-testid="footer-feeds">
								{feeds.map((feed) => (
									<li key={feed.href}>
										<a href={feed.href} type={feed.type} className="inline-flex items-center gap-1.5 text-gold-300 underline underline-offset-2 hover:text-gold-400">
											<FeedIcon />
											{feed.title}
										</a>
									</li>
								))}
							</ul>
						</div>
					) : null}
				</section>
			</div>
			<div className="border-t border-white/10">
				<p className="mx-auto max-w-6xl px-4 py-4 text-sm sm:px-6">
					{t('footer.copyright', { year: new Date().getFullYear() })}
				</p>
			</div>
		</footer>
	)
}

/** The usual feed symbol, so the links are recognised at a glance. */
export function FeedIcon() {
	return (
		<svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 shrink-0 fill-current">
			<circle cx="3" cy="13" r="2" />
			<path d="M1 6.5v2a6.5 6.5 0 0 1 6.5 6.5h2A8.5 8.5 0 0 0 1 6.5Zm0-5v2A11.5 11.5 0 0 1 12.5 15h2A13.5 13.5 0 0 0 1 1.5Z" />
		</svg>
	)
}
