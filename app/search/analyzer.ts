/**
 * The search analyzer: turns document text and readers' queries into what
 * PostgreSQL's full-text search can index and match, for English and Chinese.
 *
 * PostgreSQL's parsers do not segment Chinese (a whole run of Han characters
 * becomes one token), so Chinese is analysed here, in pure TypeScript:
 * - every run of CJK characters becomes overlapping **bigrams** (电动汽车 →
 *   电动 动汽 汽车) with positions, plus the run's last character as a
 *   **unigram**, written as a `tsvector` literal. A Chinese query needs all
 *   its bigrams (`电动 & 动汽`; in quotes the phrase `电动 <-> 动汽`, an exact
 *   substring), so it is found inside any compound; a one-character query
 *   becomes a prefix (`补:*`), which finds every occurrence of the character
 *   because each one starts a bigram or ends a run. Measured against word
 *   segmentation (Intl.Segmenter, jieba) in ADR 020: segmentation misses
 *   words inside compounds the dictionary keeps whole or splits differently.
 * - Latin-script text is left to PostgreSQL's `english` configuration
 *   (stemming, stop words): this module only removes the CJK runs from it
 *   and turns query words into a safe `to_tsquery` string.
 *
 * Nothing here talks to the database; index.queries.server.ts and
 * search.queries.server.ts do.
 */

/** Bumped when the analysis changes, so rows indexed by an older one can be found and rebuilt. */
export const ANALYZER_VERSION = 1

/** Longest query we analyse (after normalization); the rest is ignored. */
export const MAX_QUERY_CHARS = 200
/** Most terms (words, phrases, CJK runs) a query keeps: bounds the tsquery's size. */
export const MAX_QUERY_TERMS = 12
/** Longest CJK run of a query kept whole; longer runs are cut into pieces of this size. */
const MAX_QUERY_CJK_RUN_CHARS = 16
/**
 * tsvector positions stop at 16383. Positions wrap instead of piling up at
 * the limit, so phrase matching keeps working in long Chinese documents
 * (at the cost of a rare false adjacency across the wrap).
 */
const MAX_TSVECTOR_POSITION = 16383
/** Text beyond this many characters of a field is not indexed (tsvector size limit is 1 MB). */
export const MAX_INDEXED_FIELD_CHARS = 200_000

// Han ideographs (incl. compatibility and extensions), kana and Hangul:
// scripts written without spaces between words, so they are bigrammed.
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu
// Quotation marks a reader may type around a phrase, in both scripts (after NFKC).
const QUOTE_CHARS = /["“”„‟«»「」『』〝〞]/gu
// Characters that mean something to to_tsquery (or to SQL string literals):
// never passed on, whatever the reader typed.
const TSQUERY_SYNTAX = /[&|!():*<>'\\]/g
// A lone UTF-16 surrogate cannot be encoded as UTF-8 (PostgreSQL would refuse it).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
// NUL (refused by PostgreSQL text) and other control characters except tab and newlines.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g

/**
 * Text fit for storing and analysing: no NUL or other control characters,
 * no lone surrogates, Unicode NFKC (full-width Latin letters and digits
 * become ASCII, so `ＺＥＶ` finds `ZEV`). Case is kept: this is also the
 * text snippets are cut from.
 */
export function cleanText(input: string): string {
	return input.replace(LONE_SURROGATE, ' ').replace(CONTROL_CHARS, ' ').normalize('NFKC')
}

/** cleanText, lower-cased: what is compared. */
export function normalizeText(input: string): string {
	return cleanText(input).toLowerCase()
}

export function isCjkChar(char: string): boolean {
	return CJK_CHAR.test(char)
}

/** The text with its CJK runs replaced by spaces: what to_tsvector('english', …) gets. */
export function latinPart(text: string): string {
	return text.replace(CJK_RUN, ' ')
}

/** The CJK runs of a text, in order (normalized text expected). */
export function cjkRuns(text: string): string[] {
	return text.match(CJK_RUN) ?? []
}

/** Overlapping two-character pieces of a run (a one-character run gives none). */
export function bigrams(run: string): string[] {
	const chars = Array.from(run)
	const result: string[] = []
	for (let i = 0; i + 1 < chars.length; i++) result.push(chars[i]! + chars[i + 1]!)
	return result
}

/** A field as the index stores it: text for to_tsvector('english') and a tsvector literal for its CJK part. */
export interface AnalyzedField {
	/** The field's text with CJK runs blanked out, for to_tsvector('english', …). */
	latinText: string
	/** `'电动':1 '动汽':2 …` (empty string when the field has no CJK text), for `::tsvector`. */
	cjkVector: string
}

/**
 * Analyses one field of a document for the index. The CJK lexemes are
 * bigrams at consecutive positions per run (runs separated by a gap, so a
 * phrase never spans punctuation), plus each run's last character.
 */
export function analyzeField(text: string): AnalyzedField {
	const normalized = normalizeText(text).slice(0, MAX_INDEXED_FIELD_CHARS)
	// Hot path of indexing (measured: most of the time of a bulk rebuild), so
	// plain loops and one Map; positions arrive in increasing order.
	const positions = new Map<string, number[]>()
	let wrapped = false
	const add = (lexeme: string, position: number) => {
		let at = position
		if (at > MAX_TSVECTOR_POSITION) {
			at = ((at - 1) % MAX_TSVECTOR_POSITION) + 1
			wrapped = true
		}
		const list = positions.get(lexeme)
		if (!list) {
			if (positions.size < MAX_CJK_LEXEMES_PER_FIELD) positions.set(lexeme, [at])
		}
		// PostgreSQL keeps at most 256 positions per lexeme; sending more only costs bytes.
		else if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(at)
	}
	let position = 1
	for (const run of cjkRuns(normalized)) {
		let previous = ''
		for (const char of run) {
			if (previous) add(previous + char, position++)
			previous = char
		}
		add(previous, position)
		// A gap of two: the next run's first bigram is never adjacent to this run's last.
		position += 3
	}
	return { latinText: latinPart(normalized), cjkVector: tsvectorLiteral(positions, wrapped) }
}

const MAX_POSITIONS_PER_LEXEME = 256
/**
 * A tsvector's lexemes may take 1 MB at most, or the save that indexes it
 * fails. A bigram is 6 bytes; 50,000 of them (300 KB) are far more than
 * real text has (a 200,000-character report has ~30,000), so only
 * pathological text loses the bigrams past this many.
 */
const MAX_CJK_LEXEMES_PER_FIELD = 50_000

function tsvectorLiteral(positions: Map<string, number[]>, wrapped: boolean): string {
	const parts: string[] = []
	for (const [lexeme, list] of positions) {
		// Wrapped positions are out of order and may repeat; PostgreSQL wants neither.
		const clean = wrapped ? [...new Set(list)].sort((a, b) => a - b) : list
		parts.push(`'${lexeme}':${clean.join(',')}`)
	}
	return parts.join(' ')
}

/** One thing the reader asked for. */
export type QueryTerm =
	/** Latin-script words (one word, or a quoted phrase), for to_tsquery('english'). */
	| { type: 'latin'; text: string; phrase: boolean }
	/**
	 * One run of CJK characters: all its bigrams must be in the document,
	 * and adjacent (a substring match) when the reader quoted it.
	 */
	| { type: 'cjk'; text: string; phrase: boolean }

export type EmptyQueryReason =
	/** Nothing typed (or only spaces). */
	| 'blank'
	/** Only punctuation, symbols or characters that cannot be searched. */
	| 'no-terms'

export interface ParsedQuery {
	terms: QueryTerm[]
	/** Set when there is nothing to search for; the page explains why. */
	empty: EmptyQueryReason | null
	/** True when the query was longer than MAX_QUERY_CHARS or had more than MAX_QUERY_TERMS terms. */
	truncated: boolean
}

/**
 * Reads a reader's query: quoted phrases (straight, curly or corner
 * quotes), words, and CJK runs. Never throws: anything that is not a letter
 * or a digit only separates terms.
 */
export function parseQuery(input: unknown): ParsedQuery {
	const raw = typeof input === 'string' ? input : ''
	let text = normalizeText(raw).replace(QUOTE_CHARS, '"')
	if (text.trim() === '') return { terms: [], empty: 'blank', truncated: false }
	let truncated = false
	if (text.length > MAX_QUERY_CHARS) {
		text = Array.from(text).slice(0, MAX_QUERY_CHARS).join('')
		truncated = true
	}
	const terms: QueryTerm[] = []
	// Odd segments between quotes are phrases; an unclosed quote ends a phrase at the end.
	text.split('"').forEach((segment, index) => {
		const phrase = index % 2 === 1
		for (const piece of segment.split(CJK_SPLIT)) {
			if (!piece) continue
			if (CJK_CHAR.test(piece)) {
				const chars = Array.from(piece)
				for (let i = 0; i < chars.length; i += MAX_QUERY_CJK_RUN_CHARS) {
					terms.push({ type: 'cjk', text: chars.slice(i, i + MAX_QUERY_CJK_RUN_CHARS).join(''), phrase })
				}
				continue
			}
			const words = piece.match(LATIN_WORD) ?? []
			if (words.length === 0) continue
			if (phrase) terms.push({ type: 'latin', text: words.join(' '), phrase: words.length > 1 })
			else for (const word of words) terms.push({ type: 'latin', text: word, phrase: false })
		}
	})
	const unique = dedupeTerms(terms)
	if (unique.length > MAX_QUERY_TERMS) truncated = true
	const kept = unique.slice(0, MAX_QUERY_TERMS)
	return { terms: kept, empty: kept.length === 0 ? 'no-terms' : null, truncated }
}

// Splits a segment into CJK runs and the text between them (kept by the capture group).
const CJK_SPLIT = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+)/u
// A word as PostgreSQL's parser would see it, minus anything tsquery could read as syntax:
// letters and digits, joined by the in-word punctuation the parser keeps (g20, e-commerce, u.s.).
const LATIN_WORD = /[\p{L}\p{N}]+(?:[-.'_][\p{L}\p{N}]+)*/gu

function dedupeTerms(terms: QueryTerm[]): QueryTerm[] {
	const seen = new Set<string>()
	return terms.filter((term) => {
		const key = `${term.type}:${term.text}`
		if (seen.has(key)) return false
		seen.add(key)
		return true
	})
}

/** How the terms of a query combine. */
export type MatchMode = 'all' | 'any'

/**
 * One piece of a query's tsquery: either text for `to_tsquery('english', …)`
 * (a quoted Latin word or phrase, stemmed by PostgreSQL) or tsquery text
 * used as it is (CJK bigrams). Every lexeme is quoted and stripped of
 * tsquery syntax, so no input can make either fail.
 */
export interface QueryUnit {
	text: string
	english: boolean
}

/**
 * The units of a query. `strict`: one per term (a CJK run needs all its
 * bigrams; adjacent when quoted). `loose`: one per word and per bigram, for
 * the relaxed search of one- and two-term queries, so a mistyped character
 * still finds the rest of the word.
 */
export function queryUnits(query: ParsedQuery, mode: 'strict' | 'loose'): QueryUnit[] {
	const units: QueryUnit[] = []
	for (const term of query.terms) {
		if (term.type === 'latin') {
			const safe = term.text.replace(TSQUERY_SYNTAX, ' ').trim()
			if (!safe) continue
			// Quoted, so PostgreSQL's parser splits it exactly as it split the
			// document (g20, e-commerce) and a phrase keeps its word order.
			if (mode === 'strict' || !term.phrase) units.push({ text: `'${safe}'`, english: true })
			else units.push(...safe.split(/\s+/).map((word) => ({ text: `'${word}'`, english: true })))
			continue
		}
		const grams = bigrams(term.text)
		if (grams.length === 0) {
			units.push({ text: `'${term.text}':*`, english: false })
		} else if (mode === 'strict') {
			// Unquoted, the bigrams need only all be there: the GIN index answers
			// that alone, while a phrase (<->) makes PostgreSQL read every
			// candidate's whole vector to check positions (measured 10-20x
			// slower on common words, ADR 020). Bigrams of one run almost never
			// occur apart, so precision stays (unwanted hits in the relevance set: 0).
			const joiner = term.phrase ? ' <-> ' : ' & '
			units.push({ text: grams.map((g) => `'${g}'`).join(joiner), english: false })
		} else {
			units.push(...grams.map((g) => ({ text: `'${g}'`, english: false })))
		}
	}
	const seen = new Set<string>()
	return units.filter((unit) => !seen.has(unit.text) && seen.add(unit.text))
}

/** Most units the all-but-one relaxation combines (n terms give n conjunctions of n - 1). */
const MAX_RELAXED_UNITS = 8

/**
 * Joins normalized units (PostgreSQL's tsquery text of each) into one
 * tsquery: `all` needs every unit; `any` needs all units but one when there
 * are three or more (a wrong word is forgiven, the others still count),
 * any single unit otherwise.
 */
export function combineUnits(units: string[], mode: MatchMode): string {
	const wrapped = units.filter(Boolean).map((unit) => `(${unit})`)
	if (mode === 'all') return wrapped.join(' & ')
	if (wrapped.length < 3 || wrapped.length > MAX_RELAXED_UNITS) return wrapped.join(' | ')
	return wrapped.map((_, skip) => `(${wrapped.filter((__, i) => i !== skip).join(' & ')})`).join(' | ')
}

/** True when matching any term finds more than matching all of them (several terms, or a long CJK run). */
export function canRelax(query: ParsedQuery): boolean {
	if (query.terms.length > 1) return true
	const [term] = query.terms
	if (!term) return false
	return term.type === 'cjk' ? bigrams(term.text).length > 1 : term.phrase
}

/** The Latin words of a query, lower-cased: the typo fallback compares them with titles by trigrams. */
export function fuzzyText(query: ParsedQuery): string {
	return query.terms
		.filter((term) => term.type === 'latin')
		.map((term) => term.text)
		.join(' ')
}
