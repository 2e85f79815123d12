/**
 * Helpers for the specs of issue 13 (what the first users found): the
 * outbox as the app writes it, locale text with values filled in, and the
 * newsroom editor's columns.
 */
import type { Page } from '@playwright/test'
import { expect as baseExpect, getDb } from './fixtures.ts'
import enAdmin from '../locales/en/admin.json' with { type: 'json' }
import enCommon from '../locales/en/common.json' with { type: 'json' }
import enContact from '../locales/en/contact.json' with { type: 'json' }
import enEmail from '../locales/en/email.json' with { type: 'json' }
import enNews from '../locales/en/news.json' with { type: 'json' }
import enNewsroom from '../locales/en/newsroom.json' with { type: 'json' }
import zhAdmin from '../locales/zh/admin.json' with { type: 'json' }
import zhCommon from '../locales/zh/common.json' with { type: 'json' }
import zhContact from '../locales/zh/contact.json' with { type: 'json' }
import zhEmail from '../locales/zh/email.json' with { type: 'json' }
import zhNews from '../locales/zh/news.json' with { type: 'json' }
import zhNewsroom from '../locales/zh/newsroom.json' with { type: 'json' }

/**
 * These flows send email and write several rows before they answer; on a
 * machine shared with other work a page can take longer than the default
 * five seconds to come back, which is not what these specs test.
 */
export const expect = baseExpect.configure({ timeout: 15_000 })

export const locales = {
	en: { admin: enAdmin, common: enCommon, contact: enContact, email: enEmail, news: enNews, newsroom: enNewsroom },
	zh: { admin: zhAdmin, common: zhCommon, contact: zhContact, email: zhEmail, news: zhNews, newsroom: zhNewsroom },
} as const
export type Lang = keyof typeof locales

/** `{{name}}` placeholders filled in, as i18next does. */
export function fill(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''))
}

export interface OutboxMessage {
	id: string
	subject: string
	body: string
	kind: string
}

/** Messages to `to` of `kind` written after `afterId`, newest last; waits until `count` have arrived. */
export async function waitForOutbox({
	to,
	kind,
	afterId = '0',
	count = 1,
	containing = '',
}: {
	to: string
	kind: string
	afterId?: string
	count?: number
	/** Only messages whose body contains this (a shared inbox, like the lab's). */
	containing?: string
}): Promise<OutboxMessage[]> {
	const deadline = Date.now() + 15_000
	for (;;) {
		const rows = await getDb()<OutboxMessage[]>`
			select id::text as id, subject, body_text as body, kind from email_outbox
			where to_email = ${to} and kind = ${kind} and id > ${afterId}::bigint and strpos(body_text, ${containing}) > 0 order by id
		`
		if (rows.length >= count || Date.now() > deadline) {
			expect(rows.length, `${kind} emails to ${to}`).toBeGreaterThanOrEqual(count)
			return rows
		}
		await new Promise((resolve) => setTimeout(resolve, 150))
	}
}

/** The newest outbox id, to look only at what a test sends after it. */
export async function lastOutboxId(): Promise<string> {
	const [row] = await getDb()<{ id: string | null }[]>`select max(id)::text as id from email_outbox`
	return row?.id ?? '0'
}

/** A language version's column in the editor (a fieldset named by its language). */
export function column(page: Page, lang: Lang, version: Lang) {
	return page.getByRole('group', { name: locales[lang].newsroom.editor.version[version], exact: true })
}

/** The page does not scroll sideways at its current width. */
export async function expectNoSidewaysScroll(page: Page, what: string) {
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
	expect(overflow, `${what} overflows by ${overflow}px`).toBeLessThanOrEqual(0)
}
