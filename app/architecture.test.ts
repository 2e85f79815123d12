/**
 * The layout's rules, checked like the permission matrix: a module that
 * breaks one fails here, naming the import. See
 * docs/decisions/016-feature-folders.md for why each rule exists.
 *
 *  1. SQL only behind the data layer's door: only data modules (files named
 *     `*.queries.server.ts`) import the database client or `postgres`; lucia,
 *     whose adapter issues its own SQL, only in app/auth/session.server.ts;
 *     an operation spanning data modules starts its transaction with
 *     db/transaction.server.ts and hands it to them.
 *  2. Shared folders never import a feature.
 *  3. A feature imports another feature only through its public modules
 *     (`public.ts`, `public.server.ts`).
 *  4. Routes compose: they import features and shared modules, never another
 *     route, a data module or the database; and they stay short.
 *  5. The seed writes through the app's own functions, not SQL of its own.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '..')

/** Folders any module may import; they import no feature. */
export const SHARED_FOLDERS = ['auth', 'audit', 'config', 'content', 'documents', 'email', 'forms', 'http', 'i18n', 'seo', 'styles', 'testing', 'types', 'ui'] as const
/** One folder per feature. */
export const FEATURE_FOLDERS = ['accounts', 'contact', 'drafts', 'groups', 'home', 'media', 'meetings', 'news', 'search', 'site'] as const
const PUBLIC_MODULES = new Set(['public.ts', 'public.server.ts'])
/** The one module besides data modules that may reach the database: lucia's adapter pool. */
const LUCIA_MODULE = 'app/auth/session.server.ts'
const ROUTE_MAX_LINES = 150

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name)
		return statSync(full).isDirectory() ? walk(full) : [full]
	})
}

const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join('/')
const isSource = (file: string) => /\.(ts|tsx)$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.endsWith('.d.ts')

interface Import {
	from: string
	/** Resolved repository path (`app/news/links.ts`) or the package name. */
	target: string
	typeOnly: boolean
}

function importsOf(file: string): Import[] {
	const source = readFileSync(path.join(ROOT, file), 'utf8')
	const found: Import[] = []
	const pattern = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g
	for (const match of source.matchAll(pattern)) {
		const specifier = match[3] ?? match[4]!
		const typeOnly = Boolean(match[2])
		let target = specifier
		if (specifier.startsWith('#app/')) target = `app/${specifier.slice(5)}`
		else if (specifier.startsWith('#db/')) target = `db/${specifier.slice(4)}`
		else if (specifier.startsWith('.')) target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier))
		found.push({ from: file, target: target.split('?')[0]!, typeOnly })
	}
	return found
}

/** `app/news/links.ts` → 'news'; root files and routes have no folder. */
function folderOf(file: string): string | null {
	const parts = file.split('/')
	return parts[0] === 'app' && parts.length > 2 ? parts[1]! : null
}

const appFiles = walk(path.join(ROOT, 'app')).map(relative).filter(isSource)
const appImports = appFiles.flatMap(importsOf)

const isDataModule = (file: string) => file.endsWith('.queries.server.ts')
/** Starting a transaction that data functions then share issues no SQL of its own. */
const TRANSACTION_MODULE = 'db/transaction.server.ts'
const reachesDatabase = (target: string) => (target.startsWith('db/') && target !== TRANSACTION_MODULE) || target === 'postgres'

describe('the layout', () => {
	test('every folder under app/ is a shared folder, a feature, or routes', () => {
		const folders = new Set(appFiles.map(folderOf).filter((f): f is string => f !== null))
		const known = new Set<string>([...SHARED_FOLDERS, ...FEATURE_FOLDERS, 'routes'])
		expect([...folders].filter((f) => !known.has(f))).toEqual([])
	})

	test('only data modules import the database client (type-only imports of its types aside)', () => {
		const offenders = appImports
			.filter((i) => reachesDatabase(i.target) && !i.typeOnly && !isDataModule(i.from))
			// Lucia's adapter gets its own pool, guarded like the app's.
			.filter((i) => !(i.from === LUCIA_MODULE && i.target === 'db/guarded-sql.server.ts'))
			.map((i) => `${i.from} → ${i.target}`)
		expect(offenders).toEqual([])
	})

	test(`only ${LUCIA_MODULE} imports lucia`, () => {
		const offenders = appImports.filter((i) => /^(lucia|@lucia-auth\/)/.test(i.target) && i.from !== LUCIA_MODULE).map((i) => i.from)
		expect(offenders).toEqual([])
	})

	test('shared folders never import a feature', () => {
		const offenders = appImports
			.filter((i) => (SHARED_FOLDERS as readonly string[]).includes(folderOf(i.from) ?? ''))
			.filter((i) => (FEATURE_FOLDERS as readonly string[]).includes(folderOf(i.target) ?? ''))
			.map((i) => `${i.from} → ${i.target}`)
		expect(offenders).toEqual([])
	})

	test('a feature imports another feature only through its public modules', () => {
		const offenders = appImports
			.filter((i) => {
				const from = folderOf(i.from)
				const to = folderOf(i.target)
				if (!from || !to || from === to) return false
				if (!(FEATURE_FOLDERS as readonly string[]).includes(from) || !(FEATURE_FOLDERS as readonly string[]).includes(to)) return false
				return !PUBLIC_MODULES.has(path.posix.basename(i.target))
			})
			.map((i) => `${i.from} → ${i.target}`)
		expect(offenders).toEqual([])
	})

	test('routes import no route, no data module and no database', () => {
		const offenders = appImports
			.filter((i) => i.from.startsWith('app/routes/'))
			.filter((i) => i.target.startsWith('app/routes/') || isDataModule(i.target) || reachesDatabase(i.target) || i.target === 'app/root.tsx')
			.map((i) => `${i.from} → ${i.target}`)
		expect(offenders).toEqual([])
	})

	test(`route modules stay thin (at most ${ROUTE_MAX_LINES} lines)`, () => {
		const long = appFiles
			.filter((f) => f.startsWith('app/routes/'))
			.map((f) => ({ file: f, lines: readFileSync(path.join(ROOT, f), 'utf8').split('\n').length }))
			.filter(({ lines }) => lines > ROUTE_MAX_LINES)
		expect(long).toEqual([])
	})

	test('links come through app/ui/link.tsx (the server draws a plain path without Remix’s hooks)', () => {
		const remixLink = /import\s*\{[^}]*\bLink\b[^}]*\}\s*from\s*'@remix-run\/react'/
		const offenders = appFiles.filter((f) => f !== 'app/ui/link.tsx' && remixLink.test(readFileSync(path.join(ROOT, f), 'utf8')))
		expect(offenders).toEqual([])
	})

	test('the seed writes through the app, with no SQL of its own', () => {
		const seedFiles = walk(path.join(ROOT, 'db/seed')).map(relative).filter(isSource)
		const withSql = seedFiles.filter((f) => /`\s*(insert|update|delete|select)\s/i.test(readFileSync(path.join(ROOT, f), 'utf8')))
		expect(withSql).toEqual([])
	})
})

describe('the checks themselves', () => {
	test('they see imports of every form', () => {
		expect(importsOf('app/architecture.test.ts').length).toBeGreaterThan(0)
		const sample = appImports.filter((i) => i.from === 'app/root.tsx').map((i) => i.target)
		expect(sample).toContain('app/ui/root-data.ts')
		expect(sample).toContain('@remix-run/react')
	})

	test('a data module is named as one', () => {
		expect(isDataModule('app/news/post-save.queries.server.ts')).toBe(true)
		expect(isDataModule('app/news/editor.server.ts')).toBe(false)
	})
})
