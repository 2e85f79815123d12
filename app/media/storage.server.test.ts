import { createHash, createHmac } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { parseEnv } from '#app/config/env.server.ts'
import {
	createLocalStorage,
	createS3Storage,
	createStorageFromEnv,
	InvalidStorageKeyError,
	type StoredObject,
} from './storage.server.ts'

async function readBody(object: StoredObject | null): Promise<Uint8Array | null> {
	if (!object) return null
	if (object.body instanceof Uint8Array) return object.body
	return new Uint8Array(await new Response(object.body).arrayBuffer())
}

const bytes = (text: string) => new TextEncoder().encode(text)
const KEY = `${'ab'.repeat(32)}.png`
const BAD_KEYS = ['../escape.png', '..', '.hidden', 'a/b.png', 'a\\b.png', '', 'x'.repeat(201), 'name with space.png', '%2e%2e.png', 'ok..png']

describe('local folder storage', () => {
	let dir: string
	beforeEach(async () => {
		dir = await mkdtemp(path.join(tmpdir(), 'zevlab-storage-'))
	})
	afterEach(async () => {
		await rm(dir, { recursive: true, force: true })
	})

	test('stores bytes under the key and reads them back, with their size', async () => {
		const store = createLocalStorage({ dir: path.join(dir, 'not-yet-created') })
		await store.put(KEY, bytes('first'), 'image/png')
		const object = await store.get(KEY)
		expect(object?.size).toBe(5)
		expect(await readBody(object)).toEqual(bytes('first'))
		expect(await readFile(path.join(dir, 'not-yet-created', KEY), 'utf8')).toBe('first')
	})

	test('an unknown key is null, not an error', async () => {
		expect(await createLocalStorage({ dir }).get(KEY)).toBeNull()
	})

	test('a second put replaces the bytes and leaves no temporary file behind', async () => {
		const store = createLocalStorage({ dir })
		await store.put(KEY, bytes('first'), 'image/png')
		await store.put(KEY, bytes('second, longer'), 'image/png')
		expect(await readBody(await store.get(KEY))).toEqual(bytes('second, longer'))
		expect(await readdir(dir)).toEqual([KEY])
	})

	test('concurrent writers of one key leave one whole version, never a mix', async () => {
		const store = createLocalStorage({ dir })
		const versions = Array.from({ length: 8 }, (_, i) => bytes(String(i).repeat(64 * 1024)))
		await Promise.all(versions.map((v) => store.put(KEY, v, 'image/png')))
		const stored = await readBody(await store.get(KEY))
		expect(versions.some((v) => Buffer.from(v).equals(Buffer.from(stored!)))).toBe(true)
		expect(await readdir(dir)).toEqual([KEY])
	})

	test('refuses keys that are not plain file names, for reads and writes', async () => {
		const store = createLocalStorage({ dir: path.join(dir, 'uploads') })
		await writeFile(path.join(dir, 'escape.png'), 'outside')
		for (const key of BAD_KEYS) {
			await expect(store.put(key, bytes('x'), 'image/png'), key).rejects.toBeInstanceOf(InvalidStorageKeyError)
			await expect(store.get(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError)
		}
		expect(await readFile(path.join(dir, 'escape.png'), 'utf8')).toBe('outside')
	})
})

/** What the fake S3 service saw. */
interface RecordedRequest {
	method: string
	path: string
	headers: IncomingMessage['headers']
	body: Buffer
	signatureValid: boolean
}

const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' }
const REGION = 'auto'

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest()

/**
 * SigV4 checked independently of aws4fetch, the way S3 does it: rebuild the
 * canonical request from what arrived, derive the key from the secret, and
 * compare signatures. Payload-signed requests must also match their body.
 */
function verifySigV4(request: { method: string; path: string; headers: IncomingMessage['headers']; body: Buffer }): boolean {
	const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
		String(request.headers.authorization ?? ''),
	)
	if (!match) return false
	const [, accessKeyId, date, region, signedHeaders, signature] = match
	const amzDate = String(request.headers['x-amz-date'] ?? '')
	const payloadHash = String(request.headers['x-amz-content-sha256'] ?? '')
	if (accessKeyId !== CREDENTIALS.accessKeyId || region !== REGION || !amzDate.startsWith(date!)) return false
	if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== sha256Hex(request.body)) return false
	const names = signedHeaders!.split(';')
	if (!names.includes('host') || !names.includes('x-amz-date') || !names.includes('x-amz-content-sha256')) return false
	const canonicalHeaders = names.map((name) => `${name}:${String(request.headers[name] ?? '').trim()}\n`).join('')
	const [pathname, query = ''] = request.path.split('?')
	const canonicalRequest = [request.method, pathname, query, canonicalHeaders, signedHeaders, payloadHash].join('\n')
	const scope = `${date}/${region}/s3/aws4_request`
	const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n')
	const signingKey = hmac(hmac(hmac(hmac(`AWS4${CREDENTIALS.secretAccessKey}`, date!), region!), 's3'), 'aws4_request')
	return hmac(signingKey, stringToSign).toString('hex') === signature
}

describe('S3-compatible storage', () => {
	let server: Server
	let endpoint: string
	const requests: RecordedRequest[] = []
	const objects = new Map<string, { body: Buffer; contentType: string }>()
	let failNext = 0

	beforeAll(async () => {
		server = createServer((req, res) => {
			const chunks: Buffer[] = []
			req.on('data', (chunk: Buffer) => chunks.push(chunk))
			req.on('end', () => {
				const recorded = { method: req.method!, path: req.url!, headers: req.headers, body: Buffer.concat(chunks) }
				const signatureValid = verifySigV4(recorded)
				requests.push({ ...recorded, signatureValid })
				if (failNext > 0) {
					failNext -= 1
					res.writeHead(500, { 'Content-Type': 'application/xml' }).end('<Error><Code>InternalError</Code></Error>')
					return
				}
				if (!signatureValid) {
					res.writeHead(403, { 'Content-Type': 'application/xml' }).end('<Error><Code>SignatureDoesNotMatch</Code></Error>')
					return
				}
				if (req.method === 'PUT') {
					objects.set(req.url!, { body: recorded.body, contentType: String(req.headers['content-type']) })
					res.writeHead(200, { ETag: `"${sha256Hex(recorded.body).slice(0, 32)}"` }).end()
					return
				}
				const object = objects.get(req.url!)
				if (req.method === 'GET' && object) {
					res.writeHead(200, { 'Content-Type': object.contentType, 'Content-Length': object.body.length }).end(object.body)
					return
				}
				res.writeHead(404, { 'Content-Type': 'application/xml' }).end('<Error><Code>NoSuchKey</Code></Error>')
			})
		})
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
		const address = server.address()
		if (!address || typeof address !== 'object') throw new Error('no address')
		endpoint = `http://127.0.0.1:${address.port}/`
	})
	afterAll(async () => {
		server.closeAllConnections()
		await new Promise((resolve) => server.close(resolve))
	})
	beforeEach(() => {
		requests.length = 0
		failNext = 0
	})

	const store = () => createS3Storage({ endpoint, bucket: 'zevlab-media', region: REGION, ...CREDENTIALS })

	test('put sends a payload-signed, path-style PUT with the bytes and their type', async () => {
		const body = bytes('\x89PNG pretend image bytes')
		await store().put(KEY, body, 'image/png')
		expect(requests).toHaveLength(1)
		const [put] = requests
		expect(put!.method).toBe('PUT')
		expect(put!.path).toBe(`/zevlab-media/${KEY}`)
		expect(put!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/auto\/s3\/aws4_request, /)
		expect(put!.headers['x-amz-content-sha256']).toBe(sha256Hex(Buffer.from(body)))
		expect(put!.headers['content-type']).toBe('image/png')
		expect(put!.headers['content-length']).toBe(String(body.byteLength))
		expect(new Uint8Array(put!.body)).toEqual(body)
		expect(put!.signatureValid).toBe(true)
	})

	test('get reads the object back as a stream with type and size; a missing key is null', async () => {
		const body = bytes('GIF89a pretend')
		await store().put(KEY, body, 'image/gif')
		const object = await store().get(KEY)
		expect(object?.contentType).toBe('image/gif')
		expect(object?.size).toBe(body.byteLength)
		expect(object?.body).toBeInstanceOf(ReadableStream)
		expect(await readBody(object)).toEqual(body)
		expect(await store().get(`${'cd'.repeat(32)}.gif`)).toBeNull()
		const gets = requests.filter((r) => r.method === 'GET')
		expect(gets.map((r) => r.path)).toEqual([`/zevlab-media/${KEY}`, `/zevlab-media/${'cd'.repeat(32)}.gif`])
		expect(gets.every((r) => r.signatureValid && String(r.headers.authorization).startsWith('AWS4-HMAC-SHA256 '))).toBe(true)
	})

	test('a wrong secret is refused by the service and surfaces as an error', async () => {
		const wrong = createS3Storage({ endpoint, bucket: 'zevlab-media', region: REGION, accessKeyId: CREDENTIALS.accessKeyId, secretAccessKey: 'not the secret' })
		await expect(wrong.put(KEY, bytes('x'), 'image/png')).rejects.toThrow(/403/)
		await expect(wrong.get(KEY)).rejects.toThrow(/403/)
		expect(requests.every((r) => !r.signatureValid)).toBe(true)
	})

	test('a transient server error is retried; a persistent one fails', async () => {
		failNext = 1
		await store().put(KEY, bytes('retried'), 'image/png')
		expect(requests.map((r) => r.method)).toEqual(['PUT', 'PUT'])
		failNext = 10
		await expect(store().put(KEY, bytes('x'), 'image/png')).rejects.toThrow(/500/)
	})

	test('refuses keys that are not plain file names before sending anything', async () => {
		for (const key of BAD_KEYS) {
			await expect(store().put(key, bytes('x'), 'image/png'), key).rejects.toBeInstanceOf(InvalidStorageKeyError)
			await expect(store().get(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError)
		}
		expect(requests).toHaveLength(0)
	})
})

describe('choosing the storage from the environment', () => {
	const base = { NODE_ENV: 'test', DATABASE_URL: 'postgres://localhost/x' } as const
	const s3 = {
		S3_ENDPOINT: 'https://account.r2.cloudflarestorage.com',
		S3_BUCKET: 'media',
		S3_ACCESS_KEY_ID: 'id',
		S3_SECRET_ACCESS_KEY: 'secret',
	}

	test('the local folder by default, .data/uploads unless UPLOAD_DIR says otherwise', () => {
		expect(parseEnv(base).UPLOAD_DIR).toBe('.data/uploads')
		expect(createStorageFromEnv(parseEnv(base)).description).toBe(`folder ${path.resolve('.data/uploads')}`)
		expect(createStorageFromEnv(parseEnv({ ...base, UPLOAD_DIR: '/srv/uploads' })).description).toBe('folder /srv/uploads')
	})

	test('S3 when all four S3 variables are set, region `auto` by default', () => {
		const env = parseEnv({ ...base, ...s3 })
		expect(env.S3_REGION).toBe('auto')
		expect(createStorageFromEnv(env).description).toBe('S3 bucket media at https://account.r2.cloudflarestorage.com')
	})

	test('half an S3 configuration fails at start, naming what is missing', () => {
		const { S3_SECRET_ACCESS_KEY: _secret, S3_BUCKET: _bucket, ...partial } = s3
		expect(() => parseEnv({ ...base, ...partial })).toThrow(/S3_BUCKET: required when any S3_\* variable is set[\s\S]*S3_SECRET_ACCESS_KEY/)
		expect(() => parseEnv({ ...base, S3_ENDPOINT: 'not a url', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'i', S3_SECRET_ACCESS_KEY: 's' })).toThrow(/S3_ENDPOINT/)
	})
})
