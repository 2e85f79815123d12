/**
 * Creating a group (admins), editing its name, summary and charter (leads
 * and admins), and, for admins, its visibility and archiving. Refusals send
 * the form back as typed, with translated messages; archiving asks first.
 */
import type { SubmissionResult } from '@conform-to/react'
import { data, redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { parseForm } from '#app/forms/submission.ts'
import { getRequestClient, requirePermission } from '#app/auth/auth.server.ts'
import { can } from '#app/auth/permissions.ts'
import { notFound } from '#app/http/errors.ts'
import type { Lang } from '#app/i18n/config.ts'
import { getFixedT, pageMeta } from '#app/i18n/i18next.server.ts'
import { requireLang } from '#app/i18n/lang.ts'
import { askToConfirm, isConfirmed, type PendingConfirmation } from '#app/ui/confirm.tsx'
import { requireReadableGroup } from './group-page.server.ts'
import { getGroupDetails } from './groups.queries.server.ts'
import { groupPaths, groupPathsWithoutLang } from './links.ts'
import { createGroup, setArchived, updateGroup } from './operations.server.ts'
import { archiveSchema, groupCreateSchema, groupEditSchema, type GroupCreateForm } from './schema.ts'

type Args = Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>

export interface GroupEditorActionData {
	/** The group form's answer; absent for the archive form's, which leaves the typing alone. */
	result?: SubmissionResult<string[]>
	confirm?: PendingConfirmation
}

const emptyText = { name: '', summary: '', description: '' }

function texts(form: Pick<GroupCreateForm, 'en' | 'zh'>): Record<Lang, { name: string; summary: string; description: string }> {
	return { en: form.en, zh: form.zh }
}

export async function loadNewGroupPage(args: Args) {
	const lang = requireLang(args.params)
	await requirePermission(args, 'group:create')
	const t = await getFixedT(lang, 'groups')
	return {
		lang,
		meta: await pageMeta(lang, { page: t('editor.new-title'), description: t('editor.new-description') }),
		seo: { path: groupPathsWithoutLang.create, noindex: true },
		heading: t('editor.new-title'),
		formKey: 'group-new',
		defaultValue: { slug: '', visibility: 'public', en: emptyText, zh: emptyText },
		isNew: true,
		canChangeVisibility: true,
		archive: null as null | { archived: boolean },
		cancelHref: groupPaths.list(lang),
	}
}

export async function handleNewGroup(args: Args) {
	const lang = requireLang(args.params)
	const { user } = await requirePermission(args, 'group:create')
	const submission = parseForm(await args.request.formData(), { schema: groupCreateSchema })
	if (submission.status !== 'success') return data<GroupEditorActionData>({ result: submission.reply() }, { status: 400 })
	const client = await getRequestClient(args)
	const result = await createGroup({ actor: user, ip: client.ip, now: args.context.now, slug: submission.value.slug, visibility: submission.value.visibility, texts: texts(submission.value) })
	if (result.ok) return redirect(`${groupPaths.group(lang, result.slug)}?notice=created`)
	if ('notFound' in result) notFound()
	return data<GroupEditorActionData>({ result: submission.reply({ fieldErrors: result.fieldErrors }) }, { status: 400 })
}

async function requireEditableGroup(args: Args) {
	const { group } = await requireReadableGroup(args)
	const { user } = await requirePermission(args, 'group:edit', group.target)
	return { user, group }
}

export async function loadEditGroupPage(args: Args) {
	const lang = requireLang(args.params)
	const { user, group } = await requireEditableGroup(args)
	const [t, details] = await Promise.all([getFixedT(lang, 'groups'), getGroupDetails(group.id)])
	if (!details) notFound()
	const name = details.texts[lang]?.name ?? details.texts.en?.name ?? details.texts.zh?.name ?? group.slug
	return {
		lang,
		meta: await pageMeta(lang, { page: t('editor.edit-title', { name }), description: t('editor.edit-description') }),
		seo: { path: groupPathsWithoutLang.edit(group.slug), noindex: true },
		heading: t('editor.edit-title', { name }),
		formKey: `group-${group.id}-${details.updatedAt.getTime()}`,
		defaultValue: {
			slug: group.slug,
			visibility: group.target.visibility,
			en: details.texts.en ?? emptyText,
			zh: details.texts.zh ?? emptyText,
		},
		isNew: false,
		canChangeVisibility: can(user, 'group:archive', group.target),
		archive: can(user, 'group:archive', group.target) ? { archived: group.archivedAt !== null } : null,
		cancelHref: groupPaths.group(lang, group.slug),
	}
}

export async function handleEditGroup(args: Args) {
	const lang = requireLang(args.params)
	const { user, group } = await requireEditableGroup(args)
	const formData = await args.request.formData()
	const client = await getRequestClient(args)
	const acting = { actor: user, ip: client.ip, now: args.context.now }
	const intent = formData.get('intent')
	if (intent === 'archive' || intent === 'restore') {
		await requirePermission(args, 'group:archive', group.target)
		const parsed = archiveSchema.parse({ intent })
		if (parsed.intent === 'archive' && !isConfirmed(formData)) {
			return data<GroupEditorActionData>(askToConfirm(formData, 'groups:editor.archive-question'))
		}
		await setArchived({ ...acting, groupId: group.id, archived: parsed.intent === 'archive' })
		return redirect(`${groupPaths.group(lang, group.slug)}?notice=${parsed.intent === 'archive' ? 'archived' : 'restored'}`)
	}
	const submission = parseForm(formData, { schema: groupEditSchema })
	if (submission.status !== 'success') return data<GroupEditorActionData>({ result: submission.reply() }, { status: 400 })
	const result = await updateGroup({ ...acting, groupId: group.id, texts: texts(submission.value), visibility: submission.value.visibility })
	if (!result.ok) notFound()
	return redirect(`${groupPaths.group(lang, group.slug)}?notice=saved`)
}
