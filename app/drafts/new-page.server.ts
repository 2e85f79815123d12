/**
 * Starting a draft in a group: titles and the whole Markdown of each
 * language, split into sections by headings and paired in order. Members
 * (leads and members) start drafts in their groups; admins anywhere.
 * Anything refused comes back with everything typed.
 */
import { data, redirect } from '@remix-run/node'
import { getSession, requirePermission } from '#app/auth/auth.server.ts'
import { text } from '#app/forms/fields.ts'
import { LANGS, type Lang } from '#app/i18n/config.ts'
import { getFixedT, pageMeta } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import type { Args } from './access.server.ts'
import { listCreatableGroups } from './drafts.queries.server.ts'
import { pairLanguages, type FormMessage } from './editor-form.ts'
import { draftPaths } from './links.ts'
import { limitProblems, MAX_LANG_CHARS, MAX_MESSAGE_CHARS, MAX_SAVE_REQUEST_BYTES, MAX_TITLE_CHARS } from './model.ts'
import { createDraft } from './save.queries.server.ts'

/** The member and the groups they may start a draft in; a 404 for anyone who may start none. */
async function requireCreator(args: Args) {
	const lang = requireLang(args.params)
	const current = await getSession(args)
	const groups = current ? await listCreatableGroups({ actor: current.user, lang }) : []
	if (groups.length === 0) {
		// Nobody may create here: answered (and audited) as the permission module would.
		await requirePermission(args, 'draft:create', { group: { visibility: 'private', membership: null } })
	}
	return { lang, user: current!.user, groups }
}

export interface NewDraftForm {
	group: string
	title: Record<Lang, string>
	body: Record<Lang, string>
	/** The language written first: the other one, where present, is its translation. */
	original: Lang
	message: string
}

export async function loadNewDraftPage(args: Args) {
	const { lang, groups } = await requireCreator(args)
	const t = await getFixedT(lang, 'drafts')
	const wanted = new URL(args.request.url).searchParams.get('group')
	return {
		lang,
		meta: await pageMeta(lang, { page: t('new.title'), description: t('new.description') }),
		groups: groups.map((g) => ({ slug: g.slug, name: g.name })),
		form: {
			group: groups.some((g) => g.slug === wanted) ? (wanted as string) : (groups[0]?.slug ?? ''),
			title: { en: '', zh: '' },
			body: { en: '', zh: '' },
			original: lang,
			message: '',
		} satisfies NewDraftForm,
		listHref: draftPaths.list(lang),
	}
}

const titleField = text({ max: MAX_TITLE_CHARS })
const bodyField = text({ max: MAX_LANG_CHARS, trim: false })
const messageField = text({ max: MAX_MESSAGE_CHARS })

export async function handleNewDraftAction(args: Args) {
	const { lang, user, groups } = await requireCreator(args)
	const refuse = (form: NewDraftForm, errors: FormMessage[], status = 400) => data({ form, errors }, { status })
	const empty: NewDraftForm = { group: '', title: { en: '', zh: '' }, body: { en: '', zh: '' }, original: lang, message: '' }
	if (Number(args.request.headers.get('Content-Length') ?? 0) > MAX_SAVE_REQUEST_BYTES) {
		return refuse(empty, [{ key: 'errors.request-too-large', values: { max: Math.round(MAX_SAVE_REQUEST_BYTES / 1024 / 1024) } }], 413)
	}
	const formData = await args.request.formData()
	const raw = (name: string) => {
		const value = formData.get(name)
		return typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : ''
	}
	const form: NewDraftForm = {
		group: raw('group'),
		title: { en: raw('title.en'), zh: raw('title.zh') },
		body: { en: raw('body.en'), zh: raw('body.zh') },
		original: raw('original') === 'zh' ? 'zh' : raw('original') === 'en' ? 'en' : lang,
		message: raw('message'),
	}
	const errors: FormMessage[] = []
	const group = groups.find((g) => g.slug === form.group)
	if (!group) errors.push({ key: 'errors.group-required' })
	const title = {} as Record<Lang, string>
	const body = {} as Record<Lang, string>
	for (const l of LANGS) {
		const parsedTitle = titleField.safeParse(form.title[l])
		const parsedBody = bodyField.safeParse(form.body[l])
		title[l] = parsedTitle.success ? parsedTitle.data : ''
		body[l] = parsedBody.success ? parsedBody.data : ''
		if (!parsedTitle.success) {
			const control = parsedTitle.error.issues.some((issue) => issue.message === 'validation:text.control')
			errors.push({ key: control ? 'errors.control-characters' : 'errors.field-too-long.title' })
		}
		if (!parsedBody.success) {
			const control = parsedBody.error.issues.some((issue) => issue.message === 'validation:text.control')
			errors.push(control ? { key: 'errors.control-characters' } : { key: `errors.too-long.${l}`, values: { max: MAX_LANG_CHARS, count: form.body[l].length } })
		}
	}
	const message = messageField.safeParse(form.message)
	if (!message.success) errors.push({ key: 'errors.field-too-long.message' })
	if (!title.en && !title.zh) errors.push({ key: 'errors.title-required' })
	if (errors.length > 0) return refuse(form, errors)

	const { sections, mismatch } = pairLanguages(body)
	if (mismatch) return refuse(form, [{ key: 'errors.section-count-mismatch', values: mismatch }])
	const problems = limitProblems({ title, sections })
	if (problems.length > 0) return refuse(form, problems)
	await requirePermission(args, 'draft:create', { group: { visibility: group!.visibility, membership: group!.membership } })
	// Where both languages are written, the one not written first is the translation.
	const translation = form.original === 'en' ? 'zh' : 'en'
	const translated = new Set(sections.flatMap((s) => (s.en && s.zh ? [`${s.id}.${translation}`] : [])))
	const created = await createDraft({
		groupId: group!.id,
		actor: user,
		input: { title, sections, translated },
		message: message.success ? message.data : '',
		now: args.context.now,
	})
	return redirect(draftPaths.draft(lang, created.id))
}
