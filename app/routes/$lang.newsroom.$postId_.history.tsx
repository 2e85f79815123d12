/**
 * A post's revisions: who saved, when, what it did and which fields it
 * changed. Any revision can be read as it was saved and its text restored;
 * restoring saves a new revision (history is never rewritten) and, like any
 * save, refuses if someone saved since the page was loaded.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { requirePermission } from '#app/auth/auth.server.ts'
import { FormErrors, SubmitButton } from '#app/ui/forms.tsx'
import { HTML_LANG, LANGS } from '#app/i18n/config.ts'
import { getFixedT } from '#app/i18n/i18next.server.ts'
import { localizePath, requireLang } from '#app/i18n/lang.ts'
import { getEditablePost, getRevision, listRevisions, revisionAsInput, savePost } from '#app/news/newsroom.queries.server.ts'
import { fieldLabel } from '#app/news/editor.tsx'
import { formatDateTime } from '#app/i18n/format.ts'
import { routeMeta } from '#app/seo/meta.ts'

export const handle = { i18n: ['newsroom'] }

async function requireEditablePost({ request, postId, ip }: { request: Request; postId: string; ip: string }) {
	const auth = { request, context: { clientIp: ip } }
	const { user } = await requirePermission(auth, 'news:write')
	const post = await getEditablePost(postId)
	if (!post) throw new Response('Not Found', { status: 404 })
	await requirePermission(auth, 'news:edit', { authorId: post.authorId, status: post.status })
	return { user, post }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
	const lang = requireLang(params)
	const { user, post } = await requireEditablePost({ request, postId: params.postId ?? '', ip: context.clientIp })
	const revisionId = new URL(request.url).searchParams.get('revision')
	const [t, revisions, selected] = await Promise.all([
		getFixedT(lang, ['newsroom', 'common']),
		listRevisions(post.id),
		revisionId ? getRevision({ postId: post.id, revisionId }) : null,
	])
	if (revisionId && !selected) throw new Response('Not Found', { status: 404 })
	const title = post.versions[lang]?.title ?? post.versions.en?.title ?? post.versions.zh?.title ?? ''
	const time = (date: Date) => formatDateTime(lang, date, { timeZone: user.timeZone })
	return {
		lang,
		meta: { title: t('common:meta.title', { page: t('newsroom:history.title', { title }) }), description: t('newsroom:history.description') },
		id: post.id,
		title,
		version: post.version,
		revisions: revisions.map((r) => ({ ...r, createdAt: time(r.createdAt) })),
		selected: selected
			? {
					id: selected.id,
					version: selected.version,
					createdAt: time(selected.createdAt),
					versions: Object.fromEntries(
						LANGS.map((l) => {
							const v = selected.snapshot.versions[l]
							return [l, v ? { title: v.title, slug: v.slug, summary: v.summary, bodyMarkdown: v.bodyMarkdown } : null]
						}),
					),
					tags: selected.snapshot.tags,
				}
			: null,
	}
}

const restoreSchema = z.object({
	revisionId: z.string().regex(/^\d{1,18}$/),
	version: z.coerce.number().int().positive(),
})

export async function action({ request, params, context }: ActionFunctionArgs) {
	const lang = requireLang(params)
	const { user, post } = await requireEditablePost({ request, postId: params.postId ?? '', ip: context.clientIp })
	const parsed = restoreSchema.safeParse(Object.fromEntries(await request.formData()))
	if (!parsed.success) throw new Response('Bad Request', { status: 400 })
	const revision = await getRevision({ postId: post.id, revisionId: parsed.data.revisionId })
	if (!revision) throw new Response('Not Found', { status: 404 })
	const result = await savePost({
		postId: post.id,
		expectedVersion: parsed.data.version,
		actor: { id: user.id, role: user.role },
		input: await revisionAsInput(revision.snapshot),
		step: 'restore',
		now: context.now,
	})
	if (result.kind === 'saved') return redirect(`${localizePath(lang, `/newsroom/${post.id}`)}?saved=restore`)
	if (result.kind === 'not-found') throw new Response('Not Found', { status: 404 })
	return data(
		{ errors: [result.kind === 'conflict' ? 'newsroom:errors.conflict' : 'newsroom:errors.slug-taken'] },
		{ status: result.kind === 'conflict' ? 409 : 400 },
	)
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) =>
	routeMeta({ data, matches, error, path: data ? `/newsroom/${data.id}/history` : '/newsroom', noindex: true })

export default function PostHistory() {
	const { lang, id, title, version, revisions, selected } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('newsroom')
	const historyPath = localizePath(lang, `/newsroom/${id}/history`)
	return (
		<div>
			<Link to={localizePath(lang, `/newsroom/${id}`)} className="text-sm font-medium text-navy-700 underline">
				{t('history.back')}
			</Link>
			<h1 className="mt-3 text-balance text-2xl font-bold tracking-tight text-navy-900">{t('history.title', { title })}</h1>
			<p className="mt-1 max-w-prose text-slate-600">{t('history.intro')}</p>
			<FormErrors id="restore-errors" errors={actionData?.errors} />

			<div className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
				<ol className="divide-y divide-slate-200 rounded-lg border border-slate-200">
					{revisions.map((r) => (
						<li key={r.id} className={`p-4 ${selected?.id === r.id ? 'bg-slate-50' : ''}`}>
							<p className="font-semibold text-navy-900">
								{t('history.version', { version: r.version })} · {t(`history.action.${r.action as 'update'}`)}
								{r.version === version ? <span className="ml-2 rounded bg-leaf-50 px-2 py-0.5 text-xs text-leaf-800">{t('history.current')}</span> : null}
							</p>
							<p className="text-sm text-slate-600">
								{r.createdAt} · {r.authorName ? t('history.by', { name: r.authorName }) : t('history.unknown-author')}
							</p>
							{r.changedFields.length > 0 ? (
								<p className="mt-1 text-sm text-slate-700">
									{t('history.changed', { fields: r.changedFields.map((f) => fieldLabel(t, f)).join(t('list-separator')) })}
								</p>
							) : null}
							<Link to={`${historyPath}?revision=${r.id}`} className="mt-2 inline-block text-sm font-medium text-navy-700 underline">
								{t('history.view')}
							</Link>
						</li>
					))}
				</ol>

				{selected ? (
					<section aria-labelledby="snapshot-heading" className="min-w-0 rounded-lg border border-slate-200 p-4 sm:p-6">
						<h2 id="snapshot-heading" className="text-lg font-semibold text-navy-900">
							{t('history.snapshot-heading', { version: selected.version })}
						</h2>
						<p className="text-sm text-slate-600">{selected.createdAt}</p>
						{LANGS.map((l) => {
							const v = selected.versions[l]
							return (
								<div key={l} className="mt-5">
									<h3 className="text-sm font-semibold uppercase tracking-wider text-slate-500">{t(`editor.version.${l}`)}</h3>
									{v ? (
										<div lang={HTML_LANG[l]}>
											<p className="mt-1 font-semibold text-navy-900">{v.title}</p>
											<p className="text-sm text-slate-500">/{l}/news/{v.slug}</p>
											<p className="mt-2 text-slate-700">{v.summary}</p>
											<pre className="mt-2 max-h-96 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-3 text-sm text-slate-800">{v.bodyMarkdown}</pre>
										</div>
									) : (
										<p className="mt-1 text-sm text-slate-500">{t('history.no-version')}</p>
									)}
								</div>
							)
						})}
						{selected.version !== version ? (
							<Form method="post" className="mt-6 space-y-2 border-t border-slate-200 pt-4">
								<input type="hidden" name="revisionId" value={selected.id} />
								<input type="hidden" name="version" value={version} />
								<p className="text-sm text-slate-600">{t('history.restore-hint')}</p>
								<SubmitButton>{t('history.restore')}</SubmitButton>
							</Form>
						) : null}
					</section>
				) : null}
			</div>
		</div>
	)
}

export { ErrorBoundary } from '#app/ui/error-boundary.tsx'
