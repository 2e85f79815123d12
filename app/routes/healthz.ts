/** Liveness and readiness: 200 when the database answers, 503 otherwise. */
import { sql } from '#db/client.server.ts'
import { checkDatabase } from '#app/site/health.queries.server.ts'

export async function loader() {
	const database = await checkDatabase(sql)
	return Response.json(
		{ status: database ? 'ok' : 'unavailable', database: database ? 'ok' : 'unreachable' },
		{ status: database ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
	)
}
