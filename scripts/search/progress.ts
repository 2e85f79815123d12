/**
 * A progress bar on stdout for the search scripts: redrawn in place on a
 * terminal, one line per tenth when the output is a file or a CI log.
 */
const BAR_WIDTH = 30
const REDRAW_INTERVAL_MS = 100

export interface Progress {
	tick(count: number): void
	done(): void
}

export function createProgress({
	total,
	label,
	out = process.stdout,
}: {
	/** Expected count; 0 or unknown shows counts without a bar. */
	total: number
	label: string
	out?: NodeJS.WriteStream | { isTTY?: boolean; write(text: string): unknown }
}): Progress {
	const started = Date.now()
	let count = 0
	let lastDraw = 0
	let lastTenth = -1
	const line = () => {
		const seconds = (Date.now() - started) / 1000
		const rate = seconds > 0 ? Math.round(count / seconds) : 0
		if (total <= 0) return `${label} ${count} (${rate}/s)`
		const share = Math.min(1, count / total)
		const filled = Math.round(share * BAR_WIDTH)
		const bar = '#'.repeat(filled) + '.'.repeat(BAR_WIDTH - filled)
		return `${label} [${bar}] ${(share * 100).toFixed(0).padStart(3)}% ${count}/${total} (${rate}/s)`
	}
	return {
		tick(added) {
			count += added
			if (out.isTTY) {
				if (Date.now() - lastDraw < REDRAW_INTERVAL_MS) return
				lastDraw = Date.now()
				out.write(`\r${line()}`)
				return
			}
			const tenth = total > 0 ? Math.floor((count / total) * 10) : -1
			if (tenth > lastTenth) {
				lastTenth = tenth
				out.write(`${line()}\n`)
			}
		},
		done() {
			out.write(out.isTTY ? `\r${line()}\n` : `${line()} done\n`)
		},
	}
}
