/** A post's tags as links to the listing filtered by each. */
import { Link } from '#app/ui/link.tsx'

const SIZE = {
	sm: 'px-2.5 py-0.5 text-xs',
	md: 'px-3 py-1 text-sm',
}

export function TagLinks({
	tags,
	size,
	className = '',
	...list
}: {
	tags: { slug: string; label: string; href: string }[]
	size: keyof typeof SIZE
	className?: string
	'aria-label'?: string
	'data-testid'?: string
}) {
	return (
		<ul className={`flex flex-wrap gap-2 ${className}`} {...list}>
			{tags.map((tag) => (
				<li key={tag.slug}>
					<Link to={tag.href} className={`inline-block rounded-full bg-navy-50 font-medium text-navy-700 hover:bg-navy-100 ${SIZE[size]}`}>
						{tag.label}
					</Link>
				</li>
			))}
		</ul>
	)
}
