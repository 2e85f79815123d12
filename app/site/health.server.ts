/** `/healthz`: liveness and readiness, 200 when the database answers, 503 otherwise; never cached. */
import { checkDatabase } from './health.queries.server.ts'

export async function healthResponse(): Promise<Response> {
	const database = await checkDatabase()
	return Response.json(
		{ status: database ? 'ok' : 'unavailable', database: database ? 'ok' : 'unreachable' },
		{ status: database ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
	)
}
