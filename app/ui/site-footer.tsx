import { useTranslation } from 'react-i18next'

export function SiteFooter() {
	const { t } = useTranslation()
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
				</section>
				<section aria-labelledby="footer-about">
					<h2 id="footer-about" className="mb-3 text-base font-semibold text-white">
						{t('footer.aboutHeading')}
					</h2>
					<p>{t('footer.about')}</p>
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
