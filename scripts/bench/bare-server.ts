/**
 * The bench's upper reference: a bare Node `http` server answering, for each
 * path, a precomputed copy of the bytes the portal sent for it (the same
 * status, type, encoding and body). Whatever the portal does beyond writing
 * those bytes is the cost the ratio measures.
 *
 *   PORT=… tsx scripts/bench/bare-server.ts <pages.json>
 */
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'

interface BarePage {
	path: string
	status: number
	headers: Record<string, string>
	bodyBase64: string
}

const pages = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as BarePage[]
const answers = new Map(
	pages.map((page) => {
		const body = Buffer.from(page.bodyBase64, 'base64')
		return [page.path, { status: page.status, headers: { ...page.headers, 'Content-Length': String(body.length) }, body }]
	}),
)

const server = createServer((req, res) => {
	const answer = answers.get(req.url ?? '')
	if (!answer) {
		res.writeHead(404).end()
		return
	}
	res.writeHead(answer.status, answer.headers)
	res.end(answer.body)
})
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
	const address = server.address()
	console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`)
})
