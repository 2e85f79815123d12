/**
 * Where uploaded files live: a folder on this machine (the default) or an
 * S3-compatible bucket (when S3_* is configured). Both store opaque bytes
 * under a flat key; what the bytes are, and who may see them, is the
 * database's business (app/media/media.queries.server.ts).
 *
 * Keys are plain file names (`<sha256>.png`), never paths: a key can neither
 * climb out of the upload folder nor reach another object in the bucket.
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, open, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { AwsClient } from 'aws4fetch'
import { parseEnv, type Env } from '#app/config/env.server.ts'

export interface StoredObject {
	body: Uint8Array | ReadableStream<Uint8Array>
	contentType?: string
	size?: number
}

export interface Storage {
	/** Replaces whatever the key held; readers see the old or the new bytes, never half. */
	put(key: string, bytes: Uint8Array, contentType: string): Promise<void>
	/** The object, or null when the key holds nothing. */
	get(key: string): Promise<StoredObject | null>
	/** For logs: where the bytes go (never a secret). */
	readonly description: string
}

/** Letters, digits, dot, dash, underscore; not starting with a dot; one path segment. */
const PLAIN_FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/

export class InvalidStorageKeyError extends Error {
	constructor(key: string) {
		super(`Refusing storage key ${JSON.stringify(key)}: keys are plain file names`)
		this.name = 'InvalidStorageKeyError'
	}
}

export function isPlainFileName(key: string): boolean {
	return PLAIN_FILE_NAME.test(key) && !key.includes('..')
}

function requirePlainFileName(key: string): string {
	if (!isPlainFileName(key)) throw new InvalidStorageKeyError(key)
	return key
}

/**
 * A folder on disk. Writes go to a temporary file in the same folder, are
 * flushed, then renamed over the key: rename is atomic within a file system,
 * so a crash or a concurrent reader never sees a half-written image.
 */
export function createLocalStorage({ dir }: { dir: string }): Storage {
	const root = path.resolve(dir)
	let ready: Promise<unknown> | undefined
	return {
		description: `folder ${root}`,
		async put(key, bytes) {
			const target = path.join(root, requirePlainFileName(key))
			await (ready ??= mkdir(root, { recursive: true }))
			// A dot prefix keeps temporary files out of the key space.
			const temporary = path.join(root, `.tmp-${randomBytes(8).toString('hex')}`)
			try {
				const handle = await open(temporary, 'wx', 0o644)
				try {
					await handle.writeFile(bytes)
					await handle.sync()
				} finally {
					await handle.close()
				}
				await rename(temporary, target)
			} catch (error) {
				await rm(temporary, { force: true })
				throw error
			}
		},
		async get(key) {
			const file = path.join(root, requirePlainFileName(key))
			const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
				if (error.code === 'ENOENT') return null
				throw error
			})
			if (!handle) return null
			try {
				const { size } = await handle.stat()
				// Streamed, so a large image never sits whole in memory; the
				// stream closes the handle when it ends or is cancelled.
				const stream = handle.createReadStream()
				return { body: Readable.toWeb(stream) as ReadableStream<Uint8Array>, size }
			} catch (error) {
				await handle.close()
				throw error
			}
		},
	}
}

export interface S3Config {
	/** e.g. https://<account>.r2.cloudflarestorage.com or http://127.0.0.1:9000 */
	endpoint: string
	bucket: string
	region: string
	accessKeyId: string
	secretAccessKey: string
}

/** aws4fetch retries 5xx with backoff; a page waiting on an image should not wait long. */
const S3_RETRIES = 2

/**
 * An S3-compatible bucket, path-style (`endpoint/bucket/key`), which every
 * S3 clone understands. Requests are signed with SigV4; uploads sign their
 * payload's SHA-256, so the service refuses bytes altered on the way.
 */
export function createS3Storage(config: S3Config): Storage {
	const client = new AwsClient({
		accessKeyId: config.accessKeyId,
		secretAccessKey: config.secretAccessKey,
		service: 's3',
		region: config.region,
		retries: S3_RETRIES,
	})
	const base = config.endpoint.replace(/\/+$/, '')
	const objectUrl = (key: string) => `${base}/${encodeURIComponent(config.bucket)}/${requirePlainFileName(key)}`
	return {
		description: `S3 bucket ${config.bucket} at ${base}`,
		async put(key, bytes, contentType) {
			const url = objectUrl(key)
			const response = await client.fetch(url, {
				method: 'PUT',
				// A copy typed as plain ArrayBuffer-backed bytes, which fetch requires.
				body: new Uint8Array(bytes),
				headers: {
					'Content-Type': contentType,
					'X-Amz-Content-Sha256': createHash('sha256').update(bytes).digest('hex'),
				},
			})
			// Drain the (small XML) body so the connection goes back to the pool.
			const text = await response.text()
			if (!response.ok) throw new Error(`S3 PUT ${key} failed: ${response.status} ${text.slice(0, 200)}`)
		},
		async get(key) {
			const response = await client.fetch(objectUrl(key), { method: 'GET' })
			if (response.status === 404) {
				await response.body?.cancel()
				return null
			}
			if (!response.ok || !response.body) {
				const text = await response.text()
				throw new Error(`S3 GET ${key} failed: ${response.status} ${text.slice(0, 200)}`)
			}
			const length = Number(response.headers.get('Content-Length'))
			return {
				body: response.body,
				contentType: response.headers.get('Content-Type') ?? undefined,
				size: Number.isSafeInteger(length) && length >= 0 && response.headers.has('Content-Length') ? length : undefined,
			}
		},
	}
}

/** S3 when the environment configures a bucket (all or nothing, see env.server.ts), else the folder. */
export function createStorageFromEnv(env: Env): Storage {
	if (env.S3_ENDPOINT && env.S3_BUCKET && env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY) {
		return createS3Storage({
			endpoint: env.S3_ENDPOINT,
			bucket: env.S3_BUCKET,
			region: env.S3_REGION,
			accessKeyId: env.S3_ACCESS_KEY_ID,
			secretAccessKey: env.S3_SECRET_ACCESS_KEY,
		})
	}
	return createLocalStorage({ dir: env.UPLOAD_DIR })
}

let storage: Storage | undefined

/** The portal's storage, chosen from the environment on first use. */
export function getStorage(): Storage {
	return (storage ??= createStorageFromEnv(parseEnv()))
}
