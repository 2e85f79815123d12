/**
 * Accounts outside the normal invitation flow: the demo accounts of
 * `npm start` on the embedded database (never elsewhere), and the first
 * admin of a real deployment from ADMIN_EMAIL / ADMIN_PASSWORD. Accounts
 * are made by the app's own `createUser`, on the connection given.
 */
import { hashPassword, isCommonPassword } from '#app/auth/password.server.ts'
import type { Role } from '#app/auth/permissions.ts'
import { newPasswordSchema, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '#app/accounts/schemas.ts'
import { createUser, getActiveUserByEmail, hasActiveAdmin } from '#app/accounts/users.queries.server.ts'
import { assignDemoAuthors } from '#app/news/post-save.queries.server.ts'
import type { Lang } from '#app/i18n/config.ts'
import { DEFAULT_TIME_ZONE } from '#app/i18n/config.ts'
import type { Sql } from '../sql.server.ts'
import { seedDemoGroups, seedDemoRecords } from './seed.server.ts'

/** Published in the README: demo data only, on a laptop's embedded database. */
export const DEMO_PASSWORD = 'zevlab-demo-2026'

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; lang: Lang }[] = [
	{ email: 'admin@zevlab.example', name: 'Demo Admin', role: 'admin', lang: 'en' },
	{ email: 'editor@zevlab.example', name: 'Demo Editor', role: 'editor', lang: 'en' },
	{ email: 'researcher@zevlab.example', name: '演示研究员', role: 'researcher', lang: 'zh' },
	{ email: 'official@zevlab.example', name: 'Demo Official', role: 'official', lang: 'en' },
]

/** Idempotent: existing accounts (and whatever was done to them) stay as they are. */
export async function seedDemoAccounts({ sql }: { sql: Sql }): Promise<void> {
	const passwordHash = await hashPassword(DEMO_PASSWORD)
	for (const account of DEMO_ACCOUNTS) {
		await createUser({ ...account, passwordHash, timeZone: DEFAULT_TIME_ZONE[account.lang], ifEmailTaken: 'skip' }, sql)
	}
	// The demo newsroom: the researcher wrote the seed's drafts and asked for
	// review, and the editor wrote the rest, so every role finds work to do.
	const researcher = await getActiveUserByEmail('researcher@zevlab.example', sql)
	const editor = await getActiveUserByEmail('editor@zevlab.example', sql)
	if (researcher && editor) await assignDemoAuthors({ draftsTo: researcher.id, othersTo: editor.id }, sql)
	// The working groups' demo members and meeting attendees.
	await seedDemoGroups({ sql, passwordHash })
	// Their minutes: approved ones for every Table 2 group, and one waiting for the demo official.
	await seedDemoRecords({ sql })
}

/** Creates the first admin when there is no admin yet; true when it did. */
export async function ensureFirstAdmin({ sql, email, password }: { sql: Sql; email: string; password: string }) {
	if (!newPasswordSchema.safeParse(password).success || isCommonPassword(password)) {
		throw new Error(
			`ADMIN_PASSWORD must be ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters and not a common password.`,
		)
	}
	if (await hasActiveAdmin(sql)) return false
	const id = await createUser(
		{
			email,
			name: email.split('@')[0]!,
			role: 'admin',
			passwordHash: await hashPassword(password),
			lang: 'en',
			timeZone: DEFAULT_TIME_ZONE.en,
			// An account with that email already (not an active admin): left as it is.
			ifEmailTaken: 'skip',
		},
		sql,
	)
	return id !== null
}
