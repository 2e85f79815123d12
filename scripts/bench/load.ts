/**
 * Load generation in its own process: autocannon's CLI, so the load it
 * makes never competes with the measured server inside one event loop.
 * Everything targets 127.0.0.1 and stops after `seconds`.
 */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'

const AUTOCANNON_BIN = createRequire(import.meta.url).resolve('autocannon/autocannon.js')

export interface LoadResult {
	requestsPerSecond: number
	p50Ms: number
	p99Ms: number
	/** Errors, timeouts and responses outside 2xx/304. */
	failures: number
	requests: number
}

interface AutocannonJson {
	requests: { average: number; total: number }
	duration: number
	latency: { p50: number; p99: number }
	errors: number
	timeouts: number
	non2xx: number
	'2xx': number
}

export async function runLoad({
	url,
	connections,
	seconds,
	headers,
	rate,
}: {
	url: string
	connections: number
	seconds: number
	headers: Record<string, string>
	/** Requests per second in total, or as many as the server takes. */
	rate?: number
}): Promise<LoadResult> {
	if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) throw new Error(`The bench loads loopback only: ${url}`)
	const args = [AUTOCANNON_BIN, '--json', '--connections', String(connections), '--duration', String(seconds)]
	for (const [name, value] of Object.entries(headers)) args.push('--headers', `${name}=${value}`)
	if (rate) args.push('--overallRate', String(Math.max(1, Math.round(rate))))
	args.push(url)
	const output = await new Promise<string>((resolve, reject) => {
		const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
		let stdout = ''
		let stderr = ''
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
		child.on('error', reject)
		child.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`autocannon exited ${code}: ${stderr.slice(-500)}`))))
	})
	const result = JSON.parse(output) as AutocannonJson
	return {
		// Completed responses over the run (autocannon's per-second average skips the last, partial second).
		requestsPerSecond: result.requests.total / Math.max(result.duration, 0.001),
		p50Ms: result.latency.p50,
		p99Ms: result.latency.p99,
		failures: result.errors + result.timeouts + result.non2xx,
		requests: result.requests.total,
	}
}
