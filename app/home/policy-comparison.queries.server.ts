/** Structured, bilingual policy comparisons (the paper's Table 1 first). */
import { sql } from '#db/client.server.ts'
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
