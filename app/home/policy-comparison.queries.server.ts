/** Structured, bilingual policy comparisons (the paper's Table 1 first). */
import { sql } from '#db/client.server.ts'
import { inTransaction, type Queryable } from '#db/sql.server.ts'
import type { Lang } from '#app/i18n/config.ts'

export const EV_POLICY_COMPARISON_KEY = 'ev-policy-china-usa'

export interface PolicyComparison {
	source: string
	rows: { key: string; element: string; china: string; usa: string }[]
}

export async function getPolicyComparison({
	key,
	lang,
}: {
	key: string
	lang: Lang
}): Promise<PolicyComparison | null> {
	const [comparison] = await sql<PolicyComparison[]>`
		select
			t.source,
			coalesce(
				json_agg(
					json_build_object('key', r.key, 'element', rt.element, 'china', rt.china, 'usa', rt.usa)
					order by r.sort_order
				) filter (where rt.row_id is not null),
				'[]'
			) as rows
		from policy_comparisons c
		join policy_comparison_translations t on t.comparison_id = c.id and t.lang = ${lang}
		left join policy_comparison_rows r on r.comparison_id = c.id
		left join policy_comparison_row_translations rt on rt.row_id = r.id and rt.lang = ${lang}
		where c.key = ${key}
		group by t.source
	`
	return comparison ?? null
}

export interface PolicyComparisonInput {
	key: string
	source: Record<Lang, string>
	rows: { key: string; sortOrder: number; text: Record<Lang, { element: string; china: string; usa: string }> }[]
}

/** Adds a comparison with its rows and texts; what exists is left as it is. */
export async function ensurePolicyComparison(comparison: PolicyComparisonInput, db: Queryable = sql): Promise<void> {
	await inTransaction(db, async (tx) => {
		await tx`insert into policy_comparisons (key) values (${comparison.key}) on conflict (key) do nothing`
		const [row] = await tx<{ id: string }[]>`select id::text as id from policy_comparisons where key = ${comparison.key}`
		const comparisonId = row!.id
		for (const [lang, source] of Object.entries(comparison.source)) {
			await tx`
				insert into policy_comparison_translations (comparison_id, lang, source)
				values (${comparisonId}, ${lang}, ${source}) on conflict do nothing
			`
		}
		for (const row of comparison.rows) {
			await tx`
				insert into policy_comparison_rows (comparison_id, key, sort_order)
				values (${comparisonId}, ${row.key}, ${row.sortOrder}) on conflict (comparison_id, key) do nothing
			`
			for (const [lang, text] of Object.entries(row.text)) {
				await tx`
					insert into policy_comparison_row_translations (row_id, lang, element, china, usa)
					select id, ${lang}, ${text.element}, ${text.china}, ${text.usa}
					from policy_comparison_rows where comparison_id = ${comparisonId} and key = ${row.key}
					on conflict do nothing
				`
			}
		}
	})
}
