/**
 * Three-way merge of a document's sections (id-keyed, see sections.ts), for
 * two authors who saved edits of the same version. Re-exported by
 * sections.ts; kept apart only to keep each module short.
 *
 * Rules, per section id:
 * - added on one side (or both): kept;
 * - removed on one side and unchanged on the other: removed;
 * - removed on one side and edited on the other: a conflict, never lost;
 * - kept on both: heading and body each merged with mergeText, so a rename
 *   on one side and a body edit on the other both apply; a heading level
 *   changed on one side is taken (if both changed it differently, ours);
 * - order: a side that reordered the sections it shares with base wins (if
 *   both did, ours); sections only the other side has are placed after the
 *   section they follow there.
 */
import { mergeText, mergedText, resolveConflicts, type ConflictChoice, type MergeResult } from './merge.ts'
import type { Section } from './sections.ts'

type Side = 'ours' | 'theirs'

/** A section the merged document contains without any question. */
export type SectionOutcome =
	| {
			kind: 'clean'
			id: string
			section: Section
			/** Who changed it since base: tells the author "we merged in X's change to …". */
			changedBy: 'none' | Side | 'both'
			/** Set when the section is new since base. */
			addedBy: Side | 'both' | null
	  }
	| SectionConflict

/**
 * A section that needs the author's choice. 'both-edited': heading and/or
 * body conflict, and `heading` / `body` hold the merges with their conflicts
 * (a clean one has none); 'removed-by-ours' / 'removed-by-theirs': one side
 * removed the section the other edited, and that side's version is null.
 */
export type SectionConflict = {
	kind: 'conflict'
	id: string
	reason: 'both-edited' | 'removed-by-ours' | 'removed-by-theirs'
	base: Section | null
	ours: Section | null
	theirs: Section | null
	level: number
	heading: MergeResult | null
	body: MergeResult | null
}

export type SectionsMergeResult = {
	clean: boolean
	/** In merged order, conflicts where their section would stand. */
	sections: SectionOutcome[]
	/** Sections removed cleanly, as they were in base. */
	removed: Array<{ section: Section; by: Side | 'both' }>
}

/**
 * How to settle one conflict: a whole version ('ours' / 'theirs' / 'base';
 * a version that is null removes the section), the choices for the heading
 * and body conflicts (as resolveConflicts takes them; [] for a clean one), or
 * the author's own text (null removes the section).
 */
export type SectionChoice =
	| 'ours'
	| 'theirs'
	| 'base'
	| { heading: ConflictChoice[]; body: ConflictChoice[] }
	| { custom: { heading: string; level: number; body: string } | null }

export function mergeSections({
	base,
	ours,
	theirs,
	lang,
}: {
	base: readonly Section[]
	ours: readonly Section[]
	theirs: readonly Section[]
	lang: string
}): SectionsMergeResult {
	const byId = (sections: readonly Section[]) => new Map(sections.map((section) => [section.id, section]))
	const [b, o, t] = [byId(base), byId(ours), byId(theirs)]
	const outcomes = new Map<string, SectionOutcome>()
	const removed: SectionsMergeResult['removed'] = []
	const ids = new Set([...b.keys(), ...o.keys(), ...t.keys()])

	for (const id of ids) {
		const [was, mine, yours] = [b.get(id) ?? null, o.get(id) ?? null, t.get(id) ?? null]
		if (was && !mine && !yours) removed.push({ section: was, by: 'both' })
		else if (was && (!mine || !yours)) {
			const kept = (mine ?? yours) as Section
			const by: Side = mine ? 'theirs' : 'ours'
			if (sameSection(kept, was)) removed.push({ section: was, by })
			else {
				outcomes.set(id, {
					kind: 'conflict',
					id,
					reason: by === 'ours' ? 'removed-by-ours' : 'removed-by-theirs',
					base: was,
					ours: mine,
					theirs: yours,
					level: kept.level,
					heading: null,
					body: null,
				})
			}
		} else if (!mine || !yours) {
			const added = (mine ?? yours) as Section
			outcomes.set(id, { kind: 'clean', id, section: added, changedBy: mine ? 'ours' : 'theirs', addedBy: mine ? 'ours' : 'theirs' })
		} else {
			outcomes.set(id, mergeKept({ id, was, mine, yours, lang }))
		}
	}

	const order = mergeOrder({ base: idsOf(base), ours: idsOf(ours), theirs: idsOf(theirs), keep: new Set(outcomes.keys()) })
	const sections = order.map((id) => outcomes.get(id) as SectionOutcome)
	return { clean: sections.every((outcome) => outcome.kind === 'clean'), sections, removed }
}

function idsOf(sections: readonly Section[]): string[] {
	return sections.map((section) => section.id)
}

function sameSection(x: Section, y: Section): boolean {
	return x.heading === y.heading && x.level === y.level && x.body === y.body
}

function mergeKept({ id, was, mine, yours, lang }: { id: string; was: Section | null; mine: Section; yours: Section; lang: string }): SectionOutcome {
	const baseOf = was ?? { id, heading: '', level: mine.level, body: '' }
	const heading = mergeText({ base: baseOf.heading, ours: mine.heading, theirs: yours.heading, lang })
	const body = mergeText({ base: baseOf.body, ours: mine.body, theirs: yours.body, lang })
	const level = mine.level !== baseOf.level ? mine.level : yours.level
	const mergedHeading = mergedText(heading)
	const mergedBody = mergedText(body)
	if (mergedHeading === null || mergedBody === null) {
		return { kind: 'conflict', id, reason: 'both-edited', base: was, ours: mine, theirs: yours, level, heading, body }
	}
	const section = { id, heading: mergedHeading, level, body: mergedBody }
	const oursChanged = !was || !sameSection(mine, was)
	const theirsChanged = !was || !sameSection(yours, was)
	const changedBy = oursChanged && theirsChanged ? 'both' : oursChanged ? 'ours' : theirsChanged ? 'theirs' : 'none'
	return { kind: 'clean', id, section, changedBy, addedBy: was ? null : 'both' }
}

/**
 * The merged order of the kept ids. The side that reordered shared sections
 * gives the skeleton; ids only elsewhere go after their nearest predecessor
 * there (or first when they have none).
 */
function mergeOrder({ base, ours, theirs, keep }: { base: string[]; ours: string[]; theirs: string[]; keep: Set<string> }): string[] {
	const theirsFirst = reordered(base, theirs) && !reordered(base, ours)
	const [primary, secondary] = theirsFirst ? [theirs, ours] : [ours, theirs]
	const order = primary.filter((id) => keep.has(id))
	const placed = new Set(order)
	for (const list of [secondary, base]) {
		list.forEach((id, i) => {
			if (placed.has(id) || !keep.has(id)) return
			let at = 0
			for (let k = i - 1; k >= 0; k--) {
				const position = order.indexOf(list[k] as string)
				if (position >= 0) {
					at = position + 1
					break
				}
			}
			order.splice(at, 0, id)
			placed.add(id)
		})
	}
	return order
}

/** Whether `side` lists the ids it shares with `base` in another order. */
function reordered(base: string[], side: string[]): boolean {
	const inSide = new Set(side)
	const inBase = new Set(base)
	const a = base.filter((id) => inSide.has(id))
	const b = side.filter((id) => inBase.has(id))
	return a.some((id, i) => id !== b[i])
}

/** The merged sections, or null while conflicts remain (use resolveSections). */
export function mergedSections(result: SectionsMergeResult): Section[] | null {
	if (!result.clean) return null
	return result.sections.flatMap((outcome) => (outcome.kind === 'clean' ? [outcome.section] : []))
}

/**
 * The merged sections with the author's choice for each conflicting section
 * (keyed by section id). Throws when a conflict has no choice, or a choice
 * does not fit it: guessing would lose someone's text.
 */
export function resolveSections(result: SectionsMergeResult, choices: Readonly<Record<string, SectionChoice>>): Section[] {
	const sections: Section[] = []
	for (const outcome of result.sections) {
		if (outcome.kind === 'clean') {
			sections.push(outcome.section)
			continue
		}
		const choice = choices[outcome.id]
		if (choice === undefined) throw new RangeError(`resolveSections: no choice for section ${outcome.id}`)
		const chosen = resolveOne(outcome, choice)
		if (chosen) sections.push(chosen)
	}
	return sections
}

function resolveOne(conflict: SectionConflict, choice: SectionChoice): Section | null {
	if (typeof choice === 'string') return conflict[choice]
	if ('custom' in choice) return choice.custom && { id: conflict.id, ...choice.custom }
	if (!conflict.heading || !conflict.body) {
		throw new RangeError(`resolveSections: section ${conflict.id} was removed on one side; choose a version`)
	}
	return {
		id: conflict.id,
		heading: resolveConflicts(conflict.heading, choice.heading),
		level: conflict.level,
		body: resolveConflicts(conflict.body, choice.body),
	}
}
