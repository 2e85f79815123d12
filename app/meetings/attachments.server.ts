/**
 * Files attached to meetings (agendas, slides, minutes, photos): what is
 * accepted, and how a file's name is sent back when someone downloads it.
 *
 * The type is read from the bytes, never from the file name or the type the
 * browser claims: file-type recognises the format, and we then check what
 * it cannot tell apart. An Office Open XML file is a ZIP, so it must also
 * list the document's own folder (`word/`, `xl/`, `ppt/`) in the ZIP's
 * central directory (a plain ZIP, a JAR or a macro-enabled `.docm` is
 * refused); a legacy Office file is a Compound File, so we read its
 * directory for the stream Word, Excel or PowerPoint writes. Images are the
 * raster formats browsers show; never SVG, which is a document that can
 * carry scripts.
 *
 * File names are the uploader's text: they are cleaned for storage and for
 * `Content-Disposition` (RFC 6266 with an RFC 8187/5987 `filename*`), so a
 * name with quotes, `;`, CR/LF, slashes or Chinese works and cannot break
 * the header or choose a folder.
 */
import { unzipSync } from 'fflate'
import { fileTypeFromBuffer } from 'file-type'

/** 20 MiB: a long slide deck with photos; larger files belong in a shared drive, linked from the agenda. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
/** File systems allow 255 bytes per name; a Chinese character takes 3 of them in UTF-8. */
const MAX_FILE_NAME_BYTES = 200
/** The base name when nothing usable is left of the uploader's (a file name, not page text). */
const FALLBACK_BASE_NAME = 'attachment'

export const ATTACHMENT_TYPES = {
	pdf: { contentType: 'application/pdf', isImage: false },
	docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', isImage: false },
	xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', isImage: false },
	pptx: { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', isImage: false },
	doc: { contentType: 'application/msword', isImage: false },
	xls: { contentType: 'application/vnd.ms-excel', isImage: false },
	ppt: { contentType: 'application/vnd.ms-powerpoint', isImage: false },
	jpg: { contentType: 'image/jpeg', isImage: true },
	png: { contentType: 'image/png', isImage: true },
	webp: { contentType: 'image/webp', isImage: true },
	gif: { contentType: 'image/gif', isImage: true },
} as const
export type AttachmentExtension = keyof typeof ATTACHMENT_TYPES
export type AttachmentContentType = (typeof ATTACHMENT_TYPES)[AttachmentExtension]['contentType']
/** Refusals, as the last part of a translation key (e.g. `meetings:attachments.errors.too-large`). */
export type AttachmentError = 'too-large' | 'empty' | 'unsupported-type'

export type AttachmentInspection =
	| { ok: true; contentType: AttachmentContentType; extension: AttachmentExtension; isImage: boolean; safeName: string }
	| { ok: false; error: AttachmentError }

/** The folder an OOXML package keeps its main part in: its presence is what makes the ZIP that document. */
const OOXML_FOLDERS = { docx: 'word/', xlsx: 'xl/', pptx: 'ppt/' } as const

/**
 * What an uploaded file is, judged by its bytes, and the name to store it
 * under (the uploader's, cleaned, with the extension of its real type).
 */
export async function inspectAttachment({
	bytes,
	fileName,
}: {
	bytes: Uint8Array
	fileName: string
}): Promise<AttachmentInspection> {
	if (bytes.byteLength === 0) return { ok: false, error: 'empty' }
	if (bytes.byteLength > MAX_ATTACHMENT_BYTES) return { ok: false, error: 'too-large' }
	const extension = await detectExtension(bytes)
	if (!extension) return { ok: false, error: 'unsupported-type' }
	const { contentType, isImage } = ATTACHMENT_TYPES[extension]
	return { ok: true, contentType, extension, isImage, safeName: safeFileName({ fileName, extension }) }
}

/**
 * A `Content-Disposition` value: `attachment` (or `inline`, for a PDF or an
 * image shown in the browser) with an ASCII `filename` for old clients and
 * the full name as UTF-8 in `filename*`, which current browsers prefer.
 */
export function contentDisposition({ fileName, inline = false }: { fileName: string; inline?: boolean }): string {
	const name = cleanFileName(fileName) || FALLBACK_BASE_NAME
	return `${inline ? 'inline' : 'attachment'}; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeExtValue(name)}`
}

/** The uploader's name, cleaned, ending in the extension of the type the bytes are. */
export function safeFileName({ fileName, extension }: { fileName: string; extension: AttachmentExtension }): string {
	const cleaned = cleanFileName(fileName)
	// Drop the claimed extension (whatever it was) and put the real one.
	const dot = cleaned.lastIndexOf('.')
	const suffix = `.${extension}`
	let base = truncateUtf8(dot > 0 ? cleaned.slice(0, dot) : cleaned, MAX_FILE_NAME_BYTES - suffix.length - 1)
	base = base.replace(/[.\s]+$/u, '') || FALLBACK_BASE_NAME
	if (WINDOWS_RESERVED.test(base)) base = `_${base}`
	return `${base}${suffix}`
}

async function detectExtension(bytes: Uint8Array): Promise<AttachmentExtension | null> {
	let detected: Awaited<ReturnType<typeof fileTypeFromBuffer>>
	try {
		detected = await fileTypeFromBuffer(bytes)
	} catch {
		// A truncated or malformed container: not something we can vouch for.
		return null
	}
	switch (detected?.ext) {
		case 'pdf':
		case 'jpg':
		case 'png':
		case 'webp':
		case 'gif':
			return detected.ext
		case 'apng':
			// An animated PNG is a PNG to every browser.
			return 'png'
		case 'docx':
		case 'xlsx':
		case 'pptx':
			return zipHasFolder(bytes, OOXML_FOLDERS[detected.ext]) ? detected.ext : null
		case 'cfb':
			return legacyOfficeExtension(bytes)
		default:
			return null
	}
}

/**
 * Whether the ZIP's central directory (what unzip tools read) lists an entry
 * in `folder`. file-type read the local headers front to back; a file built
 * so the two disagree is refused.
 */
function zipHasFolder(bytes: Uint8Array, folder: string): boolean {
	let found = false
	try {
		// The filter sees every entry's name and returns false, so nothing is inflated.
		unzipSync(bytes, {
			filter: (entry) => {
				if (entry.name.startsWith(folder)) found = true
				return false
			},
		})
	} catch {
		return false
	}
	return found
}

/* Legacy Office: Compound File Binary ([MS-CFB]) */

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const CFB_HEADER_FAT_ENTRIES = 109
const CFB_DIRECTORY_ENTRY_BYTES = 128
const CFB_END_OF_CHAIN = 0xfffffffe
const CFB_NO_STREAM = 0xffffffff
const CFB_TYPE_STREAM = 2
const CFB_TYPE_ROOT = 5
/** The stream each program writes at the top of its files ([MS-DOC], [MS-XLS], [MS-PPT]); Excel 5 wrote `Book`. */
const LEGACY_OFFICE_STREAMS: Record<string, 'doc' | 'xls' | 'ppt'> = {
	WORDDOCUMENT: 'doc',
	WORKBOOK: 'xls',
	BOOK: 'xls',
	'POWERPOINT DOCUMENT': 'ppt',
}

/**
 * doc, xls or ppt when the Compound File's root storage holds exactly one
 * of the programs' main streams; null for anything else (an Outlook
 * message, an installer, a password-protected OOXML file, a damaged file).
 * Every sector number is bounds-checked and every chain walk is capped by
 * the file's sector count, so a crafted file cannot make it loop.
 */
function legacyOfficeExtension(bytes: Uint8Array): 'doc' | 'xls' | 'ppt' | null {
	try {
		const names = cfbRootStreamNames(bytes)
		if (!names) return null
		const kinds = new Set(names.map((name) => LEGACY_OFFICE_STREAMS[name.toUpperCase()]).filter(Boolean))
		return kinds.size === 1 ? [...kinds][0]! : null
	} catch {
		// DataView reads past the end of a truncated file.
		return null
	}
}

function cfbRootStreamNames(bytes: Uint8Array): string[] | null {
	if (bytes.byteLength < 512 || CFB_SIGNATURE.some((byte, i) => bytes[i] !== byte)) return null
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
	const u32 = (offset: number) => view.getUint32(offset, true)
	if (view.getUint16(0x1c, true) !== 0xfffe) return null // byte order mark
	const sectorShift = view.getUint16(0x1e, true)
	if (sectorShift !== 9 && sectorShift !== 12) return null // 512 or 4096-byte sectors
	const sectorBytes = 1 << sectorShift
	// The header fills sector "-1"; sector n starts at (n + 1) × size.
	const sectorCount = Math.ceil(bytes.byteLength / sectorBytes) - 1
	const sectorOffset = (sector: number) => (sector + 1) * sectorBytes
	const entriesPerSector = sectorBytes / 4

	// Where the FAT's sectors are: 109 in the header, the rest in the DIFAT chain.
	const fatSectorCount = u32(0x2c)
	if (fatSectorCount > sectorCount) return null
	const fatSectors: number[] = []
	for (let i = 0; i < CFB_HEADER_FAT_ENTRIES && fatSectors.length < fatSectorCount; i += 1) {
		fatSectors.push(u32(0x4c + i * 4))
	}
	let difatSector = u32(0x44)
	for (let hops = 0; fatSectors.length < fatSectorCount; hops += 1) {
		if (difatSector >= sectorCount || hops > sectorCount) return null
		const base = sectorOffset(difatSector)
		for (let i = 0; i < entriesPerSector - 1 && fatSectors.length < fatSectorCount; i += 1) {
			fatSectors.push(u32(base + i * 4))
		}
		difatSector = u32(base + (entriesPerSector - 1) * 4)
	}
	const nextSector = (sector: number): number | null => {
		const fatSector = fatSectors[Math.floor(sector / entriesPerSector)]
		if (fatSector === undefined || fatSector >= sectorCount) return null
		return u32(sectorOffset(fatSector) + (sector % entriesPerSector) * 4)
	}

	// The directory: a chain of sectors of 128-byte entries.
	const entryOffsets: number[] = []
	let sector: number | null = u32(0x30)
	for (let hops = 0; sector !== CFB_END_OF_CHAIN; hops += 1) {
		if (sector === null || sector >= sectorCount || hops > sectorCount) return null
		for (let offset = 0; offset < sectorBytes; offset += CFB_DIRECTORY_ENTRY_BYTES) {
			entryOffsets.push(sectorOffset(sector) + offset)
		}
		sector = nextSector(sector)
	}
	const root = entryOffsets[0]
	if (root === undefined || view.getUint8(root + 0x42) !== CFB_TYPE_ROOT) return null

	// The root's children form a tree through left/right sibling links.
	const names: string[] = []
	const seen = new Set<number>()
	const pending = [u32(root + 0x4c)]
	while (pending.length > 0) {
		const id = pending.pop()!
		if (id === CFB_NO_STREAM) continue
		const entry = entryOffsets[id]
		if (entry === undefined || seen.has(id)) return null
		seen.add(id)
		if (view.getUint8(entry + 0x42) === CFB_TYPE_STREAM) {
			const nameBytes = Math.min(view.getUint16(entry + 0x40, true), 64)
			const name = new TextDecoder('utf-16le').decode(bytes.subarray(entry, entry + nameBytes)).replace(/\0+$/, '')
			names.push(name)
		}
		pending.push(u32(entry + 0x44), u32(entry + 0x48))
	}
	return names
}

/* File names */

/** Controls, and the invisible marks that reorder text ("invoice\u202Efdp.exe" shows as "invoiceexe.pdf"). */
const UNSAFE_CHARS = /[\p{Cc}\p{Cf}\u2028\u2029]/gu
/** Characters Windows or macOS refuse in names, and both path separators. */
const RESERVED_CHARS = /[<>:"/\\|?*]/g
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i

/**
 * The last path segment of the uploader's name (browsers on Windows once
 * sent `C:\Users\…`), NFC, without control, formatting or reserved
 * characters, whitespace collapsed, without leading dots (hidden files) or
 * trailing dots and spaces (which Windows drops). May be empty.
 */
function cleanFileName(fileName: string): string {
	const lastSegment = fileName.split(/[/\\]/).pop() ?? ''
	const cleaned = lastSegment
		.normalize('NFC')
		.replace(UNSAFE_CHARS, '')
		.replace(RESERVED_CHARS, '_')
		.replace(/\s+/gu, ' ')
		.replace(/^[.\s]+/u, '')
		.replace(/[.\s]+$/u, '')
	return truncateUtf8(cleaned, MAX_FILE_NAME_BYTES)
}

/**
 * An ASCII stand-in for clients that ignore `filename*`: accents dropped
 * ("Résumé" → "Resume"), other characters as `_`, and nothing that needs
 * quoting or that some parsers split on (`"`, `\`, `%`, `;`, `,`, `=`).
 * A name that is mostly Chinese becomes "attachment.<ext>", not "_(_3_).docx".
 */
function asciiFallback(name: string): string {
	const folded = name.normalize('NFKD').replace(/\p{M}/gu, '')
	const dot = folded.lastIndexOf('.')
	const base = dot > 0 ? folded.slice(0, dot) : folded
	const extension = dot > 0 ? folded.slice(dot) : ''
	const toAscii = (text: string) => text.replace(/[^\x20-\x7e]|["\\%;,=]/g, '_').replace(/_+/g, '_')
	const lettersAndDigits = base.match(/[A-Za-z0-9]/g)?.length ?? 0
	const unrepresentable = base.match(/[^\x20-\x7e]/g)?.length ?? 0
	const asciiBase = lettersAndDigits > unrepresentable ? toAscii(base) : FALLBACK_BASE_NAME
	return `${asciiBase}${toAscii(extension)}`
}

/** RFC 8187 ext-value: UTF-8, percent-encoding every byte that is not an attr-char. */
function encodeExtValue(name: string): string {
	return encodeURIComponent(name).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** At most `maxBytes` of UTF-8, cut between characters (code points), never inside one. */
function truncateUtf8(text: string, maxBytes: number): string {
	const encoder = new TextEncoder()
	if (encoder.encode(text).byteLength <= maxBytes) return text
	let result = ''
	let used = 0
	for (const char of text) {
		const size = encoder.encode(char).byteLength
		if (used + size > maxBytes) break
		result += char
		used += size
	}
	return result.trimEnd()
}
