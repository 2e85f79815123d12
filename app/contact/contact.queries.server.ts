/**
 * Messages sent from the public contact page: kept (who, from where, when)
 * so a flood can be throttled per address and overall; each also goes to
 * the lab's inbox through the outbox.
 */
import { sql } from '#db/client.server.ts'
import type { Queryable } from '#db/sql.server.ts'
import type { Lang } from '#app/i18n/config.ts'

export interface ContactMessage {
	name: string
	email: string
	subject: string
	body: string
	lang: Lang
	ip: string | null
}

export async function insertContactMessage(message: ContactMessage & { at: Date }, db: Queryable = sql): Promise<string> {
	const [row] = await db<{ id: string }[]>`
		insert into contact_messages (name, email, subject, body, lang, ip, created_at)
		values (${message.name}, ${message.email}, ${message.subject}, ${message.body}, ${message.lang}, ${message.ip}, ${message.at})
		returning id::text as id
	`
	return row!.id
}

/** Messages since `since`: from this address, and from anyone. */
export async function countRecentMessages({ ip, since }: { ip: string | null; since: Date }, db: Queryable = sql): Promise<{ fromAddress: number; total: number }> {
	const [row] = await db<{ fromAddress: number; total: number }[]>`
		select count(*) filter (where ip = ${ip})::int as from_address, count(*)::int as total
		from contact_messages where created_at > ${since}
	`
	return row ?? { fromAddress: 0, total: 0 }
}
