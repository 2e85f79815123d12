/**
 * Sharing an article: plain links to each service's own share page (no
 * third-party script, no tracking pixel, nothing loaded until a reader
 * clicks), and a copy-link button that exists only once JavaScript runs and
 * the browser offers the clipboard, so it is never a dead button.
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

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
		</section>
	)
}

function CopyLinkButton({ url }: { url: string }) {
	const { t } = useTranslation('news')
	// Rendered only after hydration, and only where the clipboard API exists
	// (secure contexts): the server's HTML has no button that cannot work.
	const [available, setAvailable] = useState(false)
	const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle')
	useEffect(() => {
		setAvailable(typeof navigator !== 'undefined' && Boolean(navigator.clipboard))
	}, [])
	if (!available) return null
	return (
		<li className="flex items-center gap-2">
			<button
				type="button"
				className={linkClass}
				data-testid="copy-link"
				onClick={() => {
					navigator.clipboard.writeText(url).then(
						() => setStatus('copied'),
						() => setStatus('failed'),
					)
				}}
			>
				{t('article.copy-link')}
			</button>
			<span role="status" className="text-sm text-slate-600">
				{status === 'copied' ? t('article.copied') : status === 'failed' ? t('article.copy-failed') : ''}
			</span>
		</li>
	)
}
