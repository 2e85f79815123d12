/**
 * Load generation in its own process, so the load it makes never competes
 * with the measured server inside one event loop: autocannon's CLI for the
 * most a server takes, ./paced-load.ts for a given steady rate. Everything
 * targets 127.0.0.1 and stops after `seconds`.
 */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const AUTOCANNON_BIN = createRequire(import.meta.url).resolve('autocannon/autocannon.js')
const PACED_LOAD = fileURLToPath(new URL('./paced-load.ts', import.meta.url))
/**
 * Up to this rate a given rate is sent evenly spaced (./paced-load.ts says
 * why autocannon's rate is not). Above it the paced sender's own cost
 * (node:http, sharing the machine's two cores with the server) shows in
 * its latencies here (p99 38 ms at 2,000 a second and 221 ms at 4,000
 * against a bare server that takes 10,000), while autocannon's
 * once-a-second bursts of fast pages drain within milliseconds.
 */
const PACED_RATE_MAX = 1_000

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
	if (rate && rate <= PACED_RATE_MAX) {
		const headerArgs = Object.entries(headers).map(([name, value]) => `${name}=${value}`)
		const paced = JSON.parse(
			await runProcess(['--import', 'tsx', PACED_LOAD, url, String(rate), String(seconds), String(connections), ...headerArgs], 'paced load'),
		) as { requests: number; failures: number; elapsedS: number; p50Ms: number; p99Ms: number }
		return {
			requestsPerSecond: paced.requests / Math.max(paced.elapsedS, 0.001),
			p50Ms: paced.p50Ms,
			p99Ms: paced.p99Ms,
			failures: paced.failures,
			requests: paced.requests,
		}
	}
	const args = [AUTOCANNON_BIN, '--json', '--connections', String(connections), '--duration', String(seconds)]
	for (const [name, value] of Object.entries(headers)) args.push('--headers', `${name}=${value}`)
	if (rate) args.push('--overallRate', String(Math.max(1, Math.round(rate))))
	args.push(url)
	const result = JSON.parse(await runProcess(args, 'autocannon')) as AutocannonJson
	return {
		// Completed responses over the run (autocannon's per-second average skips the last, partial second).
		requestsPerSecond: result.requests.total / Math.max(result.duration, 0.001),
		p50Ms: result.latency.p50,
		p99Ms: result.latency.p99,
		failures: result.errors + result.timeouts + result.non2xx,
		requests: result.requests.total,
	}
}

/** Runs a Node script with `args`; resolves with what it printed. */
function runProcess(args: string[], label: string): Promise<string> {
	return new Promise<string>((resolve, reject) => {
		const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
		let stdout = ''
		let stderr = ''
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
		child.on('error', reject)
		child.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${label} exited ${code}: ${stderr.slice(-500)}`))))
	})
}
