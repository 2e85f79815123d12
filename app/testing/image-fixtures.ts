/**
 * Tests only: real, decodable images of any size in one solid colour, built
 * byte by byte so no binary fixture is checked in. Each format is the
 * smallest valid encoding of a solid image a browser (and `image-size`)
 * accepts; different sizes or colours give different bytes, so tests that
 * need a fresh content-addressed key can have one.
 */
import { crc32, deflateSync } from 'node:zlib'

type Rgb = [number, number, number]

const u16be = (n: number) => [(n >> 8) & 0xff, n & 0xff]
const u16le = (n: number) => [n & 0xff, (n >> 8) & 0xff]
const u32be = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]
const u32le = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff]
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0))

/** Bits packed least significant first (GIF's LZW codes, WebP lossless). */
class LsbBitWriter {
	private bytes: number[] = []
	private bit = 0
	write(value: number, width: number) {
		for (let i = 0; i < width; i += 1) {
			if (this.bit === 0) this.bytes.push(0)
			if ((value >> i) & 1) this.bytes[this.bytes.length - 1]! |= 1 << this.bit
			this.bit = (this.bit + 1) % 8
		}
	}
	done() {
		return this.bytes
	}
}

/** An 8-bit RGB PNG: signature, IHDR, one zlib IDAT (filter 0 per row), IEND. */
export function pngImage({ width, height, rgb = [0, 114, 206] }: { width: number; height: number; rgb?: Rgb }): Uint8Array {
	const chunk = (type: string, data: number[] | Buffer) => {
		const body = Buffer.from([...ascii(type), ...data])
		return [...u32be(data.length), ...body, ...u32be(crc32(body))]
	}
	const row = [0, ...Array.from({ length: width }, () => rgb).flat()]
	const raw = Buffer.from(Array.from({ length: height }, () => row).flat())
	return Uint8Array.from([
		0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
		...chunk('IHDR', [...u32be(width), ...u32be(height), 8, 2, 0, 0, 0]),
		...chunk('IDAT', deflateSync(raw)),
		...chunk('IEND', []),
	])
}

/**
 * A GIF89a with a two-colour palette. Every pixel is sent as a clear code
 * and a literal, so the LZW code width never grows past three bits.
 */
export function gifImage({ width, height, rgb = [255, 191, 0] }: { width: number; height: number; rgb?: Rgb }): Uint8Array {
	const CLEAR = 4
	const END = 5
	const codes = new LsbBitWriter()
	for (let i = 0; i < width * height; i += 1) {
		codes.write(CLEAR, 3)
		codes.write(0, 3)
	}
	codes.write(END, 3)
	const data = codes.done()
	const blocks: number[] = []
	for (let i = 0; i < data.length; i += 255) {
		const block = data.slice(i, i + 255)
		blocks.push(block.length, ...block)
	}
	return Uint8Array.from([
		...ascii('GIF89a'),
		...u16le(width), ...u16le(height), 0x80, 0, 0,
		...rgb, 0, 0, 0,
		0x2c, 0, 0, 0, 0, ...u16le(width), ...u16le(height), 0,
		2, ...blocks, 0,
		0x3b,
	])
}

/**
 * A baseline greyscale JPEG, mid-grey: flat quantisation, one-code Huffman
 * tables, and two bits per 8×8 block (DC difference 0, end of block). With
 * `orientation`, an Exif APP1 segment says how cameras would rotate it.
 */
export function jpegImage({ width, height, orientation }: { width: number; height: number; orientation?: number }): Uint8Array {
	const segment = (marker: number, data: number[]) => [0xff, marker, ...u16be(data.length + 2), ...data]
	const exif = orientation
		? segment(0xe1, [
				...ascii('Exif'), 0, 0,
				// Big-endian TIFF header, IFD0 at offset 8 with one entry: Orientation (SHORT).
				...ascii('MM'), 0, 42, ...u32be(8),
				...u16be(1), ...u16be(0x0112), ...u16be(3), ...u32be(1), ...u16be(orientation), 0, 0,
				...u32be(0),
			])
		: []
	const blocks = Math.ceil(width / 8) * Math.ceil(height / 8)
	const bits = new Array<number>(blocks * 2).fill(0)
	while (bits.length % 8) bits.push(1)
	const scan: number[] = []
	for (let i = 0; i < bits.length; i += 8) {
		const byte = bits.slice(i, i + 8).reduce((acc, bit) => (acc << 1) | bit, 0)
		scan.push(byte, ...(byte === 0xff ? [0] : []))
	}
	const oneCodeTable = (tableClassAndId: number) => [tableClassAndId, 1, ...new Array<number>(15).fill(0), 0]
	return Uint8Array.from([
		0xff, 0xd8,
		...exif,
		...segment(0xdb, [0, ...new Array<number>(64).fill(1)]),
		...segment(0xc0, [8, ...u16be(height), ...u16be(width), 1, 1, 0x11, 0]),
		...segment(0xc4, [...oneCodeTable(0x00), ...oneCodeTable(0x10)]),
		...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
		...scan,
		0xff, 0xd9,
	])
}

/**
 * A lossless WebP (VP8L) in one colour: no transforms, and five one-symbol
 * prefix codes, so every pixel costs zero bits.
 */
export function webpImage({ width, height, rgb = [32, 160, 90] }: { width: number; height: number; rgb?: Rgb }): Uint8Array {
	const bits = new LsbBitWriter()
	bits.write(0x2f, 8)
	bits.write(width - 1, 14)
	bits.write(height - 1, 14)
	bits.write(0, 1) // alpha is not used
	bits.write(0, 3) // version
	bits.write(0, 1) // no transform
	bits.write(0, 1) // no colour cache
	bits.write(0, 1) // no meta prefix codes
	const oneSymbol = (symbol: number) => {
		bits.write(1, 1) // simple code
		bits.write(0, 1) // one symbol
		bits.write(1, 1) // of eight bits
		bits.write(symbol, 8)
	}
	const [red, green, blue] = rgb
	oneSymbol(green)
	oneSymbol(red)
	oneSymbol(blue)
	oneSymbol(255) // alpha
	oneSymbol(0) // distance
	const data = bits.done()
	const padded = data.length % 2 ? [...data, 0] : data
	return Uint8Array.from([
		...ascii('RIFF'), ...u32le(4 + 8 + padded.length), ...ascii('WEBP'),
		...ascii('VP8L'), ...u32le(data.length), ...padded,
	])
}

/** An SVG that would run a script if it were ever served as SVG. */
export const SVG_WITH_SCRIPT = new TextEncoder().encode(
	'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.domain)</script><rect width="10" height="10"/></svg>',
)

/** A text file someone named `photo.png`. */
export const TEXT_NOT_AN_IMAGE = new TextEncoder().encode('This is not an image, whatever its name says.\n')
