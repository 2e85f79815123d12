/**
 * The portal's links: Remix's `<Link>` (client navigation, the editors'
 * leave warning), drawn on the server as the anchor it renders there.
 *
 * On the server Remix's Link is an `<a>` with its `href` and
 * `data-discover`, but gets there through a dozen hooks for what only
 * happens in a browser (prefetching, the click handler, the router's
 * navigate, resolving the path twice). A signed-in page has 60 to 70 links
 * (the header's navigation twice, for phones and for wide screens, and the
 * page's lists): on the server that was about a tenth of its render
 * (docs/decisions/025). So the server draws a plain absolute path (the only
 * kind the portal writes: `localizePath`) as written, which is exactly what
 * Remix draws for it (link.test.tsx renders both); anything else (a
 * relative path, `.` segments, a path object, `reloadDocument`,
 * `discover="none"`) goes to Remix's Link. In the browser it is always
 * Remix's Link, so hydration finds the anchor it would have drawn itself.
 */
import { Link as RemixLink, type LinkProps } from '@remix-run/react'
import { createElement, forwardRef } from 'react'

const ON_SERVER = typeof document === 'undefined'

/**
 * A path Remix would draw unchanged: absolute, no empty or dot segments
 * (a trailing slash aside), a query and a fragment only when not empty.
 */
const PLAIN_PATH = /^(?:\/[^/?#.][^/?#]*)*\/?(?:\?[^#]+)?(?:#.+)?$/

/** What only a browser uses (navigation state, prefetching, the click handler): not drawn. */
const BROWSER_ONLY_PROPS: ReadonlySet<string> = new Set(['to', 'target', 'prefetch', 'discover', 'replace', 'state', 'preventScrollReset', 'relative', 'viewTransition', 'onClick'])

export const Link = forwardRef<HTMLAnchorElement, LinkProps>(function Link(props, ref) {
	if (!ON_SERVER || typeof props.to !== 'string' || props.reloadDocument || props.discover === 'none' || !PLAIN_PATH.test(props.to)) return <RemixLink ref={ref} {...props} />
	// A loop, not `{ to, …, ...rest } = props`: V8 makes an object rest with
	// named exclusions a runtime call, a few µs a link (docs/decisions/026).
	const anchor: Record<string, unknown> = {}
	for (const name in props) if (!BROWSER_ONLY_PROPS.has(name)) anchor[name] = props[name as keyof LinkProps]
	// The attributes in Remix's order: the caller's, data-discover, href, target.
	anchor['data-discover'] = 'true'
	anchor.href = props.to
	anchor.target = props.target
	return createElement('a', anchor)
})
