/**
 * For tests: a TCP proxy in front of a PostgreSQL server that can play an
 * outage without touching the server other tests share. `freeze()` behaves
 * like a SIGSTOPped server (connections are accepted, nothing is answered),
 * `stop()` like a stopped one (open connections reset, new ones refused),
 * `resume()` brings it back on the same port.
 */
import net from 'node:net'

export interface OutageProxy {
	/** `url` with the proxy's host and port. */
	url: string
	freeze(): void
	stop(): Promise<void>
	resume(): Promise<void>
	close(): Promise<void>
}

export async function startOutageProxy(url: string): Promise<OutageProxy> {
	const upstream = new URL(url)
	const sockets = new Set<net.Socket>()
	let frozen = false
	let server: net.Server | undefined

	const listen = (port: number) =>
		new Promise<net.Server>((resolve, reject) => {
			const listening = net.createServer((client) => {
				const target = net.connect({ host: upstream.hostname, port: Number(upstream.port || 5432) })
				sockets.add(client).add(target)
				for (const socket of [client, target]) {
					socket.on('error', () => {})
					socket.on('close', () => {
						sockets.delete(socket)
						client.destroy()
						target.destroy()
					})
				}
				// No pipe(): a piped stream resumes itself when its destination drains.
				client.on('data', (chunk) => target.write(chunk))
				target.on('data', (chunk) => client.write(chunk))
				// Like a stopped process: bytes wait in the kernel's buffers, unanswered.
				if (frozen) for (const socket of [client, target]) socket.pause()
			})
			listening.once('error', reject)
			listening.listen(port, '127.0.0.1', () => resolve(listening))
		})

	server = await listen(0)
	const address = server.address()
	const port = typeof address === 'object' && address ? address.port : 0
	const proxied = new URL(url)
	proxied.hostname = '127.0.0.1'
	proxied.port = String(port)

	const closeServer = async () => {
		const closing = server
		server = undefined
		for (const socket of sockets) socket.resetAndDestroy()
		sockets.clear()
		if (closing) await new Promise((resolve) => closing.close(resolve))
	}

	return {
		url: proxied.toString(),
		freeze() {
			frozen = true
			for (const socket of sockets) socket.pause()
		},
		stop: closeServer,
		async resume() {
			frozen = false
			for (const socket of sockets) socket.resume()
			server ??= await listen(port)
		},
		close: closeServer,
	}
}
