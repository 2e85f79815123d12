/** The server's plain anchor for a link is the markup Remix's Link draws, byte for byte. */
import { Link as RemixLink, type LinkProps } from '@remix-run/react'
import { renderToString } from 'react-dom/server'
import { StaticRouter } from 'react-router-dom/server'
import { describe, expect, test } from 'vitest'
import { Link } from './link.tsx'

const render = (element: React.ReactElement, location = '/en/news/some-post') => renderToString(<StaticRouter location={location}>{element}</StaticRouter>)

const plain: LinkProps[] = [
	{ to: '/' },
	{ to: '/en' },
	{ to: '/en/news' },
	{ to: '/en/news/' },
	{ to: '/zh/newsroom/42/history' },
	{ to: '/en/news?tag=battery%20swap&before=2026-11-20T10%3A00%3A00.000Z~7' },
	{ to: '/en#comparison' },
	{ to: '/en/search?q=a#results' },
	{ to: '/en/news', className: 'block px-3', 'aria-current': 'page', title: 'a "quoted" <title> & more', lang: 'zh-CN', hrefLang: 'zh-CN' },
	{ to: '/en/files/report.v2', target: '_blank', rel: 'noopener' },
	{ to: '/en/news', prefetch: 'intent', replace: true, state: { from: 'x' }, preventScrollReset: true, viewTransition: true, onClick: () => {} } as LinkProps,
]
/** Drawn by Remix's Link itself. */
const others: LinkProps[] = [
	{ to: 'relative/path' },
	{ to: '../up' },
	{ to: '/en/./news' },
	{ to: '/en/../zh' },
	{ to: '/en//news' },
	{ to: '//elsewhere.example/x' },
	{ to: 'https://example.org/x' },
	{ to: '/en/news?' },
	{ to: '/en/news#' },
	{ to: { pathname: '/en/news', search: '?tag=a' } },
	{ to: '/en/news', reloadDocument: true },
	{ to: '/en/news', discover: 'none' } as LinkProps,
]

describe('Link on the server', () => {
	test.each([...plain, ...others].map((props) => [JSON.stringify(props.to), props] as const))('%s: the markup of Remix’s Link', (_name, props) => {
		const children = ['News ', 'and more']
		expect(render(<Link {...props}>{children}</Link>)).toBe(render(<RemixLink {...props}>{children}</RemixLink>))
	})

	test('a plain path is drawn without Remix’s hooks, anything else with them', () => {
		// Remix's Link reads the router, and outside one it throws; the plain anchor needs none.
		for (const props of plain) expect(renderToString(<Link {...props} />)).toBe(render(<Link {...props} />))
		for (const props of others) expect(() => renderToString(<Link {...props} />)).toThrow()
		expect(renderToString(<Link to="/en/news">News</Link>)).toBe('<a data-discover="true" href="/en/news">News</a>')
	})
})
