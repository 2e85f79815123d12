/**
 * A page's bytes with a fresh CSP nonce in every response, gzip-compressed
 * once. The page is cut at each occurrence of the nonce it was rendered with;
 * each piece is deflated once, ending byte-aligned (a sync flush), so a
 * response is the pieces with the new nonce between them as tiny stored
 * (uncompressed) deflate blocks, a final block and the gzip trailer. Building
 * a response copies bytes and runs a CRC over the last pieces: microseconds,
 * where compressing the page again would take a millisecond.
 */
import * as zlib from 'node:zlib'

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03])
/** An empty final block with fixed Huffman codes: BFINAL=1, BTYPE=01, end-of-block. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00])
/** A stored block holds at most this many bytes (its LEN field is 16 bits). */
const MAX_STORED_BLOCK_BYTES = 0xffff
const DEFLATE_LEVEL = 9

export interface NonceTemplate {
	/** The page cut at each nonce: one more piece than there are nonces. */
	pieces: Buffer[]
	/** Each piece deflated on its own, byte-aligned, not final. */
	deflated: Buffer[]
	/** CRC-32 of the first piece, which is most of the page. */
	firstPieceCrc: number
	/** Bytes of the page without its nonces. */
	piecesBytes: number
	deflatedBytes: number
	/** How many nonces a response fills in. */
	slots: number
}

export function createNonceTemplate({ body, nonce }: { body: Buffer; nonce: string | null }): NonceTemplate {
	const pieces: Buffer[] = []
	const needle = nonce ? Buffer.from(nonce) : null
	let start = 0
	if (needle && needle.length > 0) {
		for (let at = body.indexOf(needle, start); at !== -1; at = body.indexOf(needle, start)) {
			pieces.push(body.subarray(start, at))
			start = at + needle.length
		}
	}
	pieces.push(body.subarray(start))
	const deflated = pieces.map((piece) =>
		zlib.deflateRawSync(piece, { level: DEFLATE_LEVEL, finishFlush: zlib.constants.Z_SYNC_FLUSH }),
	)
	return {
		pieces,
		deflated,
		firstPieceCrc: crc32(pieces[0]!, 0),
		piecesBytes: pieces.reduce((sum, piece) => sum + piece.length, 0),
		deflatedBytes: deflated.reduce((sum, piece) => sum + piece.length, 0),
		slots: pieces.length - 1,
	}
}

/** The page with `nonce` in every slot, uncompressed. */
export function identityBody(template: NonceTemplate, nonce: string): Buffer {
	if (template.slots === 0) return template.pieces[0]!
	const fill = Buffer.from(nonce)
	const parts: Buffer[] = [template.pieces[0]!]
	for (let i = 1; i < template.pieces.length; i++) parts.push(fill, template.pieces[i]!)
	return Buffer.concat(parts, template.piecesBytes + template.slots * fill.length)
}

/** The page with `nonce` in every slot, as a complete gzip member. */
export function gzipBody(template: NonceTemplate, nonce: string): Buffer {
	const fill = Buffer.from(nonce)
	if (fill.length > MAX_STORED_BLOCK_BYTES) throw new Error('A nonce cannot be that long')
	const stored = Buffer.allocUnsafe(5 + fill.length)
	stored[0] = 0x00 // BFINAL=0, BTYPE=00 (stored); the stream is byte-aligned here.
	stored.writeUInt16LE(fill.length, 1)
	stored.writeUInt16LE(~fill.length & 0xffff, 3)
	fill.copy(stored, 5)

	let crc = template.firstPieceCrc
	const parts: Buffer[] = [GZIP_HEADER, template.deflated[0]!]
	for (let i = 1; i < template.pieces.length; i++) {
		crc = crc32(fill, crc)
		crc = crc32(template.pieces[i]!, crc)
		parts.push(stored, template.deflated[i]!)
	}
	const trailer = Buffer.allocUnsafe(8)
	trailer.writeUInt32LE(crc >>> 0, 0)
	trailer.writeUInt32LE((template.piecesBytes + template.slots * fill.length) >>> 0, 4)
	parts.push(FINAL_BLOCK, trailer)
	const total =
		GZIP_HEADER.length + template.deflatedBytes + template.slots * stored.length + FINAL_BLOCK.length + trailer.length
	return Buffer.concat(parts, total)
}

/** Node's own CRC-32 (20.15+, 22.2+); a table-driven one on older Node 20 releases. */
const nativeCrc32 = (zlib as { crc32?: (data: Buffer, value?: number) => number }).crc32
let crcTable: Uint32Array | undefined

export function crc32(data: Buffer, value: number): number {
	if (nativeCrc32) return nativeCrc32(data, value)
	crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
		let c = n
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
		return c >>> 0
	})
	let crc = ~value >>> 0
	for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8)
	return ~crc >>> 0
}
