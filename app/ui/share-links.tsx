/**
 * Sharing an article: plain links to each service's own share page (no
 * third-party script, no tracking pixel, nothing loaded until a reader
 * clicks), and a copy-link button that exists only once its few lines of
 * inline script run and the browser offers the clipboard, so it is never a
 * dead button. Made for reading pages, which ship no React (app/ui/hydration.ts).
 */
import { useTranslation } from 'react-i18next'
import { useNonce } from '#app/http/nonce.tsx'
import { COPY_LINK_SCRIPT } from './enhancements.ts'

export function shareLinks({ url, title }: { url: string; title: string }) {
	const u = encodeURIComponent(url)
	const text = encodeURIComponent(title)
	return {
		email: `mailto:?subject=${text}&body=${encodeURIComponent(`${title}\n\n${url}`)}`,
		x: `https://twitter.com/intent/tweet?url=${u}&text=${text}`,
		linkedin: `https://www.linkedin.com/sharing/share-offsite/?url=${u}`,
		weibo: `https://service.weibo.com/share/share.php?url=${u}&title=${text}`,
	}
}

const linkClass =
	'inline-flex items-center rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:border-navy-700 hover:text-navy-900'

export function ShareLinks({ url, title }: { url: string; title: string }) {
	const { t } = useTranslation('news')
	const nonce = useNonce()
	const links = shareLinks({ url, title })
	const services = [
		{ key: 'x', href: links.x, label: t('article.share-x') },
		{ key: 'linkedin', href: links.linkedin, label: t('article.share-linkedin') },
		{ key: 'weibo', href: links.weibo, label: t('article.share-weibo') },
	]
	return (
		<section aria-labelledby="share-heading" data-testid="share">
			<h2 id="share-heading" className="text-sm font-semibold uppercase tracking-wider text-slate-500">
				{t('article.share')}
			</h2>
			<ul className="mt-2 flex flex-wrap gap-2">
				<li>
					<a href={links.email} className={linkClass} data-service="email">
						{t('article.share-email')}
					</a>
				</li>
				{services.map((service) => (
					<li key={service.key}>
						<a href={service.href} target="_blank" rel="noopener noreferrer" className={linkClass} data-service={service.key}>
							{service.label}
							<span className="sr-only"> {t('article.new-tab')}</span>
						</a>
					</li>
				))}
				<CopyLinkButton url={url} />
			</ul>
			<script nonce={nonce} dangerouslySetInnerHTML={{ __html: COPY_LINK_SCRIPT }} />
		</section>
	)
}

/**
 * Inert markup until COPY_LINK_SCRIPT (app/ui/enhancements.ts, inline under
 * the page's CSP nonce) turns it into a button, and only where the clipboard API exists
 * (secure contexts): without JavaScript there is no button that cannot work.
 */
function CopyLinkButton({ url }: { url: string }) {
	const { t } = useTranslation('news')
	return (
		<template data-enhance="copy-link">
			<li className="flex items-center gap-2">
				<button
					type="button"
					className={linkClass}
					data-testid="copy-link"
					data-url={url}
					data-copied={t('article.copied')}
					data-failed={t('article.copy-failed')}
				>
					{t('article.copy-link')}
				</button>
				<span role="status" className="text-sm text-slate-600" />
			</li>
		</template>
	)
}
