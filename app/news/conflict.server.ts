/**
 * When two members saved the same version of a post: what the other person
 * changed, field by field, and how to combine it with what this editor
 * typed. Each field the other person changed, and this editor has a
 * different value for, is offered as "keep mine", "take theirs" or (for
 * text both changed in different places) "merge both"; a field only they
 * changed takes theirs, so nobody's work is undone without a decision.
 *
 * The choices are applied on the server from the revisions (the version the
 * editor started from, the one saved since), so they work without
 * JavaScript and cannot be forged into something the page did not offer.
 */
import { diffText, type DiffPart } from '#app/documents/diff.ts'
import { mergeText, mergedText } from '#app/documents/merge.ts'
import { HTML_LANG, LANGS, type Lang } from '#app/i18n/config.ts'

export type { ConflictField }
import { getRevisionByNumber, listRevisions } from './newsroom.queries.server.ts'
import { CONFLICT_FIELDS, choiceName, type ConflictChoice, type ConflictField, type ConflictTextField as TextField } from './conflict-names.ts'
import { revisionAsInput, type PostInput } from './post-save.queries.server.ts'

/** Fields merged word by word; the others are one value each (a slug, a group, a list of tags). */
const MERGEABLE: ReadonlySet<string> = new Set(['title', 'summary', 'body', 'seoDescription', 'coverAlt'])

function valueOf(input: PostInput, field: ConflictField): string {
	switch (field) {
		case 'workingGroup':
			return input.workingGroupSlug ?? ''
		case 'cover':
			return input.coverMediaId ?? ''
		case 'tags':
			return [...input.tags].sort().join(', ')
	}
	const [lang, name] = field.split('.') as [Lang, TextField]
	return input.versions[lang][name]
}

function setValue(input: PostInput, field: ConflictField, value: string, from: PostInput) {
	switch (field) {
		case 'workingGroup':
			input.workingGroupSlug = from.workingGroupSlug
			return
		case 'cover':
			input.coverMediaId = from.coverMediaId
			return
		case 'tags':
			input.tags = [...from.tags]
			return
	}
	const [lang, name] = field.split('.') as [Lang, TextField]
	input.versions[lang] = { ...input.versions[lang], [name]: value }
}

function langOf(field: ConflictField): Lang | null {
	const [lang] = field.split('.')
	return (LANGS as readonly string[]).includes(lang!) ? (lang as Lang) : null
}

/** A clean word-level merge of both edits, or null when they touch the same words (or the field is not text). */
function merge(field: ConflictField, base: string, mine: string, theirs: string): string | null {
	const lang = langOf(field)
	const name = field.split('.')[1]
	if (!lang || !name || !MERGEABLE.has(name)) return null
	return mergedText(mergeText({ base, ours: mine, theirs, lang: HTML_LANG[lang] }))
}

export interface ConflictFieldView {
	field: ConflictField
	lang: Lang | null
	/** What they changed: from the version this editor started with to theirs. */
	theirChange: DiffPart[]
	/** What this editor changed, the same way. */
	myChange: DiffPart[]
	/** Both edits combined, when they do not touch the same words. */
	merged: string | null
	/** What the form starts with selected. */
	choice: ConflictChoice
	/** Values as stored (slugs, ids) for the page to name: group, cover, tags. */
	values: { base: string; mine: string; theirs: string }
}

interface Sides {
	base: PostInput
	theirs: PostInput
	theirVersion: number
}

async function loadSides({ postId, baseVersion }: { postId: string; baseVersion: number }): Promise<Sides | null> {
	const base = await getRevisionByNumber({ postId, version: baseVersion })
	if (!base) return null
	// The newest revision is the post as it stands.
	const [latest] = await listRevisions(postId)
	if (!latest) return null
	const theirs = latest.version === baseVersion ? base : await getRevisionByNumber({ postId, version: latest.version })
	if (!theirs) return null
	return { base: await revisionAsInput(base.snapshot), theirs: await revisionAsInput(theirs.snapshot), theirVersion: latest.version }
}

function defaultChoice({ base, mine, merged }: { base: string; mine: string; merged: string | null }): ConflictChoice {
	if (mine === base) return 'theirs'
	return merged !== null ? 'merged' : 'mine'
}

/**
 * The fields to decide after a conflict, comparing the version the editor
 * started from (`baseVersion`) with the post as saved since and with what
 * they typed (`mine`). Null when a revision is missing.
 */
export async function describePostConflict({
	postId,
	baseVersion,
	mine,
}: {
	postId: string
	baseVersion: number
	mine: PostInput
}): Promise<{ theirVersion: number; fields: ConflictFieldView[] } | null> {
	const sides = await loadSides({ postId, baseVersion })
	if (!sides) return null
	const fields: ConflictFieldView[] = []
	for (const field of CONFLICT_FIELDS) {
		const base = valueOf(sides.base, field)
		const theirs = valueOf(sides.theirs, field)
		const mineValue = valueOf(mine, field)
		if (theirs === base || theirs === mineValue) continue
		const lang = langOf(field)
		const diffLang = lang ? HTML_LANG[lang] : 'en'
		const merged = mineValue === base ? null : merge(field, base, mineValue, theirs)
		fields.push({
			field,
			lang,
			theirChange: diffText({ before: base, after: theirs, lang: diffLang }),
			myChange: diffText({ before: base, after: mineValue, lang: diffLang }),
			merged,
			choice: defaultChoice({ base, mine: mineValue, merged }),
			values: { base, mine: mineValue, theirs },
		})
	}
	return { theirVersion: sides.theirVersion, fields }
}

/**
 * The post to save after the editor chose per field: their typed values,
 * with each field the other person changed taken as chosen. `overwritten`
 * lists the fields whose saved change this save replaces (the other person
 * is told). Null when the post moved on again since `theirVersion` (a new
 * conflict) or a revision is missing.
 */
export async function resolvePostConflict({
	postId,
	baseVersion,
	theirVersion,
	mine,
	choices,
}: {
	postId: string
	baseVersion: number
	theirVersion: number
	mine: PostInput
	choices: Partial<Record<ConflictField, string>>
}): Promise<{ input: PostInput; overwritten: ConflictField[] } | null> {
	const sides = await loadSides({ postId, baseVersion })
	if (!sides || sides.theirVersion !== theirVersion) return null
	const input: PostInput = structuredClone(mine)
	const overwritten: ConflictField[] = []
	for (const field of CONFLICT_FIELDS) {
		const base = valueOf(sides.base, field)
		const theirs = valueOf(sides.theirs, field)
		const mineValue = valueOf(mine, field)
		if (theirs === base || theirs === mineValue) continue
		const merged = mineValue === base ? null : merge(field, base, mineValue, theirs)
		const asked = choices[field]
		const choice: ConflictChoice =
			asked === 'mine' || asked === 'theirs' || (asked === 'merged' && merged !== null) ? asked : defaultChoice({ base, mine: mineValue, merged })
		if (choice === 'theirs') setValue(input, field, theirs, sides.theirs)
		else if (choice === 'merged') setValue(input, field, merged!, sides.theirs)
		else overwritten.push(field)
	}
	return { input, overwritten }
}

/** The choices a submitted form carries (`choice-en.body=theirs`…). */
export function readConflictChoices(formData: FormData): Partial<Record<ConflictField, string>> {
	const choices: Partial<Record<ConflictField, string>> = {}
	for (const field of CONFLICT_FIELDS) {
		const value = formData.get(choiceName(field))
		if (typeof value === 'string') choices[field] = value
	}
	return choices
}
