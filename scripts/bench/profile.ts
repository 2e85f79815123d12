/**
 * Where a page's time goes: starts the production portal under `--cpu-prof`
 * on the bench database (scripts/bench/database.ts), loads one page with
 * autocannon (own process, loopback, bounded), stops the portal and prints
 * the functions with the most self time, grouped by file.
 *
 * Also prints the portal's CPU time per request (user + system, from
 * /proc), to compare two versions of the code: it moves less than req/s
 * with other work on the machine, though still by a fifth or more here.
 * `--cpu-only` skips the profiler (which slows the portal about twofold).
 *
 *   npx tsx scripts/bench/profile.ts /en/account [--member] [--cpu-only] [seconds]
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { openBenchDatabase } from './database.ts'
import { signInBenchEditor } from './session.ts'
import { runLoad } from './load.ts'
import { findFreePort } from '#db/testing/test-database.ts'

const CONNECTIONS = 32
const TOP_FUNCTIONS = 40
const START_TIMEOUT_MS = 120_000
/** The profile ends a little after the load (shutdown). */
const SHUTDOWN_ALLOWANCE_S = 0.3

const [pagePath = '/en/account', ...rest] = process.argv.slice(2)
const member = rest.includes('--member')
const cpuOnly = rest.includes('--cpu-only')
const seconds = Number(rest.find((arg) => /^\d+$/.test(arg)) ?? 8)

const db = await openBenchDatabase({ log: (m) => console.error(`[profile] ${m}`) })
const profileDir = await mkdtemp(path.join(tmpdir(), 'zevlab-profile-'))
const port = await findFreePort()
const origin = `http://127.0.0.1:${port}`
const profilerArgs = cpuOnly ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]
const child = spawn(process.execPath, [...profilerArgs, '--import', 'tsx', 'server.ts'], {
	env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: db.url, SITE_URL: origin },
	stdio: ['ignore', 'ignore', 'inherit'],
})
const deadline = Date.now() + START_TIMEOUT_MS
while (!(await fetch(`${origin}/healthz`).then((r) => r.ok, () => false))) {
	if (Date.now() > deadline || child.exitCode !== null) throw new Error('the portal did not start')
	await new Promise((resolve) => setTimeout(resolve, 250))
}
const headers: Record<string, string> = { 'accept-encoding': 'gzip' }
if (member) {
	const sql = postgres(db.url, { max: 1, onnotice: () => {} })
	headers.cookie = await signInBenchEditor(sql)
	await sql.end()
}
/** The process's CPU time so far, in ms (utime + stime of /proc/<pid>/stat, in clock ticks of 10 ms). */
const CLOCK_TICK_MS = 10
const cpuMs = async () => {
	const fields = (await readFile(`/proc/${child.pid}/stat`, 'utf8')).replace(/^.*\) /, '').split(' ')
	return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS
}
// Warm: the first requests compile code and fill the statement cache.
await runLoad({ url: `${origin}${pagePath}`, connections: CONNECTIONS, seconds: 2, headers })
const cpuBefore = await cpuMs()
const load = await runLoad({ url: `${origin}${pagePath}`, connections: CONNECTIONS, seconds, headers })
const cpuPerRequest = ((await cpuMs()) - cpuBefore) / Math.max(load.requests, 1)
console.log(`${pagePath}: ${load.requestsPerSecond.toFixed(0)} req/s, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms, ${load.failures} failures; portal CPU ${cpuPerRequest.toFixed(2)} ms per request${cpuOnly ? '' : ' (profiled)'}`)
child.kill('SIGINT')
await new Promise((resolve) => child.once('exit', resolve))
await db.stop()
if (cpuOnly) process.exit(0)

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
// The main thread's profile (tsx's loader thread writes a second one).
const file = (await readdir(profileDir)).find((name) => /\.0\.\d+\.cpuprofile$/.test(name))
if (!file) throw new Error('no profile written')
const profile = JSON.parse(await readFile(path.join(profileDir, file), 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; endTime: number }
// Only the load: the samples of the last `seconds` before the portal was stopped (start-up excluded).
const times: number[] = []
profile.timeDeltas.reduce((at, delta, i) => (times[i] = at + delta), 0)
const windowStart = (times.at(-1) ?? 0) - (seconds + SHUTDOWN_ALLOWANCE_S) * 1e6
const selfUs = new Map<number, number>()
profile.samples.forEach((id, i) => {
	if ((times[i] ?? 0) >= windowStart) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
})
const byFunction = new Map<string, number>()
const byFile = new Map<string, number>()
let total = 0
for (const node of profile.nodes) {
	const us = selfUs.get(node.id) ?? 0
	total += us
	const where = node.callFrame.url.replace(/^file:\/\//, '').replace(process.cwd(), '.').replace(/.*node_modules\//, 'nm:')
	const key = `${node.callFrame.functionName || '(anonymous)'} ${where}:${node.callFrame.lineNumber + 1}`
	byFunction.set(key, (byFunction.get(key) ?? 0) + us)
	const fileKey = where.startsWith('nm:') ? where.split('/').slice(0, where.startsWith('nm:@') ? 2 : 1).join('/') : where || node.callFrame.functionName
	byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + us)
}
const show = (map: Map<string, number>, n: number) =>
	[...map].sort((a, b) => b[1] - a[1]).slice(0, n).forEach(([key, us]) => console.log(`${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${key}`))
const idleUs = [...profile.nodes].filter((node) => node.callFrame.functionName === '(idle)').reduce((sum, node) => sum + (selfUs.get(node.id) ?? 0), 0)
console.log(`\nbusy ${((total - idleUs) / 1000).toFixed(0)} ms of ${(total / 1000).toFixed(0)} ms: ${((total - idleUs) / 1000 / Math.max(load.requests, 1)).toFixed(1)} ms of CPU per request (${load.requests} requests)`)
console.log('\nself time by package/file:')
show(byFile, 25)
console.log('\nself time by function:')
show(byFunction, TOP_FUNCTIONS)
console.log(`\nprofile: ${path.join(profileDir, file)}`)
