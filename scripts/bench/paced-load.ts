/**
 * A steady load: requests sent at evenly spaced moments (`rate` a second)
 * over up to `connections` keep-alive connections, for `seconds`; prints
 * JSON like scripts/bench/load.ts reads. Each latency runs from the moment
 * the request was due, so time spent waiting for a free connection counts
 * (no coordinated omission).
 *
 * Why not autocannon's `--overallRate`: it lets each connection send its
 * share of a second at the start of the second, then pause, so a slow page
 * at 30 requests a second got all 30 at once every second and its p99 was
 * the time to drain that burst (and autocannon's correction for omitted
 * samples, with an expected interval of 1/rate rounded up to 1 ms, added
 * hundreds of made-up slow samples per response).
 *
 *   node --import tsx scripts/bench/paced-load.ts <url> <rate> <seconds> <connections> [name=value …]
 */
import { Agent, request } from 'node:http'

/** Responses still outstanding this long after the last request was due count as failures. */
const DRAIN_TIMEOUT_MS = 10_000
const REQUEST_TIMEOUT_MS = 10_000

const [url = '', rateArg = '', secondsArg = '', connectionsArg = '', ...headerArgs] = process.argv.slice(2)
if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) throw new Error(`The bench loads loopback only: ${url}`)
const rate = Number(rateArg)
const seconds = Number(secondsArg)
const connections = Number(connectionsArg)
if (!(rate > 0 && seconds > 0 && connections > 0)) throw new Error('usage: paced-load.ts <url> <rate> <seconds> <connections> [name=value …]')
const headers = Object.fromEntries(headerArgs.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]))

const agent = new Agent({ keepAlive: true, maxSockets: connections })
const intervalMs = 1000 / rate
const total = Math.max(1, Math.round(rate * seconds))
const latencies: number[] = []
let failures = 0
let finished = 0
const started = performance.now()

function send(dueAt: number) {
	const req = request(url, { agent, headers, timeout: REQUEST_TIMEOUT_MS }, (res) => {
		res.resume()
		res.on('end', () => {
			if (res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 400) latencies.push(performance.now() - dueAt)
			else failures += 1
			finished += 1
		})
	})
	req.on('timeout', () => req.destroy(new Error('timeout')))
	req.on('error', () => {
		failures += 1
		finished += 1
	})
	req.end()
}

// Sends every request whose moment has come, then sleeps until the next one's.
await new Promise<void>((resolve) => {
	let next = 0
	const tick = () => {
		const now = performance.now()
		while (next < total && started + next * intervalMs <= now) {
			send(started + next * intervalMs)
			next += 1
		}
		if (next >= total) return resolve()
		setTimeout(tick, Math.max(0, started + next * intervalMs - performance.now()))
	}
	tick()
})
const lastDue = performance.now()
while (finished < total && performance.now() - lastDue < DRAIN_TIMEOUT_MS) await new Promise((resolve) => setTimeout(resolve, 5))
failures += total - finished
const elapsedS = (performance.now() - started) / 1000
latencies.sort((a, b) => a - b)
const percentile = (p: number) => (latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]!) : 0)
console.log(JSON.stringify({ requests: latencies.length, failures, elapsedS, p50Ms: percentile(50), p99Ms: percentile(99) }))
agent.destroy()
