import CFB from 'cfb'
import { parse as parseContentDisposition } from 'content-disposition'
import { Document, Packer, Paragraph } from 'docx'
import { strToU8, zipSync } from 'fflate'
import { describe, expect, test } from 'vitest'
import { minimalPdf } from '#app/testing/document-fixtures.ts'
import { gifImage, jpegImage, pngImage, SVG_WITH_SCRIPT, webpImage } from '#app/testing/image-fixtures.ts'
import { contentDisposition, inspectAttachment, MAX_ATTACHMENT_BYTES, safeFileName } from './attachments.server.ts'

/* Files built from bytes, so no binary fixture is checked in. */

const CONTENT_TYPES = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
	docm: 'application/vnd.ms-word.document.macroEnabled.main+xml',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
}

/** An Office Open XML package: [Content_Types].xml naming the main part, the package relationships and the part. */
function ooxml({ mainPart, contentType }: { mainPart: string; contentType: string }): Uint8Array {
	return zipSync({
		'[Content_Types].xml': strToU8(
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
				'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
				'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
				'<Default Extension="xml" ContentType="application/xml"/>' +
				`<Override PartName="/${mainPart}" ContentType="${contentType}"/>` +
				'</Types>',
		),
		'_rels/.rels': strToU8(
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
				'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
				`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${mainPart}"/>` +
				'</Relationships>',
		),
		[mainPart]: strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><root/>'),
	})
}

/** A Compound File written by SheetJS's `cfb`, an implementation independent of ours. */
function compoundFile(streams: Record<string, Uint8Array>): Uint8Array {
	const container = CFB.utils.cfb_new()
	for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(container, `/${name}`, Buffer.from(content))
	return new Uint8Array(CFB.write(container, { type: 'buffer' }) as Buffer)
}

const HTML_AS_PDF = strToU8('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>')
const someBytes = (length: number, seed = 1) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff)

async function accepted(bytes: Uint8Array, fileName: string) {
	const result = await inspectAttachment({ bytes, fileName })
	if (!result.ok) throw new Error(`refused: ${result.error}`)
	return result
}

describe('attachment types, from the bytes', () => {
	test('a PDF', async () => {
		expect(await accepted(minimalPdf(), 'Agenda.pdf')).toEqual({
			ok: true,
			contentType: 'application/pdf',
			extension: 'pdf',
			isImage: false,
			safeName: 'Agenda.pdf',
		})
	})

	test('images: JPEG, PNG, WebP, GIF', async () => {
		const cases = [
			[jpegImage({ width: 8, height: 8 }), 'image/jpeg', 'jpg'],
			[pngImage({ width: 2, height: 2 }), 'image/png', 'png'],
			[webpImage({ width: 2, height: 2 }), 'image/webp', 'webp'],
			[gifImage({ width: 2, height: 2 }), 'image/gif', 'gif'],
		] as const
		for (const [bytes, contentType, extension] of cases) {
			const result = await accepted(bytes, 'photo')
			expect(result).toMatchObject({ contentType, extension, isImage: true, safeName: `photo.${extension}` })
		}
	})

	test('Office Open XML: docx, xlsx, pptx by their folders', async () => {
		expect(await accepted(ooxml({ mainPart: 'word/document.xml', contentType: CONTENT_TYPES.docx }), 'Minutes.docx')).toMatchObject({
			extension: 'docx',
			contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			isImage: false,
		})
		expect(await accepted(ooxml({ mainPart: 'xl/workbook.xml', contentType: CONTENT_TYPES.xlsx }), 'Budget.xlsx')).toMatchObject({
			extension: 'xlsx',
			contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		})
		expect(await accepted(ooxml({ mainPart: 'ppt/presentation.xml', contentType: CONTENT_TYPES.pptx }), 'Slides.pptx')).toMatchObject({
			extension: 'pptx',
			contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
		})
	})

	test('a Word file written by the docx library', async () => {
		const bytes = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Hello')] }] })))
		expect(await accepted(bytes, '纪要.docx')).toMatchObject({ extension: 'docx', safeName: '纪要.docx' })
	})

	test('legacy Office: doc, xls, ppt by their main stream', async () => {
		const body = someBytes(5000)
		expect(await accepted(compoundFile({ WordDocument: body, '1Table': body }), 'old.doc')).toMatchObject({
			extension: 'doc',
			contentType: 'application/msword',
		})
		expect(await accepted(compoundFile({ Workbook: body }), 'old.xls')).toMatchObject({
			extension: 'xls',
			contentType: 'application/vnd.ms-excel',
		})
		expect(await accepted(compoundFile({ 'PowerPoint Document': body, 'Current User': someBytes(60) }), 'old.ppt')).toMatchObject({
			extension: 'ppt',
			contentType: 'application/vnd.ms-powerpoint',
		})
		// Small streams live in the mini stream; the directory entry is what counts.
		expect(await accepted(compoundFile({ Workbook: someBytes(100) }), 'tiny.xls')).toMatchObject({ extension: 'xls' })
	})

	test('a large legacy file whose FAT needs DIFAT sectors', async () => {
		// 109 FAT sectors in the header cover about 7 MB with 512-byte sectors.
		const bytes = compoundFile({ WordDocument: someBytes(8 * 1024 * 1024, 7) })
		const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
		expect(view.getUint32(0x48, true)).toBeGreaterThan(0) // the file really has DIFAT sectors
		expect(await accepted(bytes, 'big.doc')).toMatchObject({ extension: 'doc' })
	})

	test('refuses what is not on the list, whatever its name says', async () => {
		const refused = [
			[SVG_WITH_SCRIPT, 'logo.svg'],
			[SVG_WITH_SCRIPT, 'logo.png'],
			[HTML_AS_PDF, 'report.pdf'],
			[zipSync({ 'notes.txt': strToU8('hello') }), 'report.docx'],
			[zipSync({ 'META-INF/MANIFEST.MF': strToU8('Manifest-Version: 1.0\n'), 'a/Main.class': someBytes(50) }), 'slides.pptx'],
			// Declares itself a Word document but has no word/ folder.
			[ooxml({ mainPart: 'other/document.xml', contentType: CONTENT_TYPES.docx }), 'fake.docx'],
			// Macro-enabled Word: a real format, but not one we take.
			[ooxml({ mainPart: 'word/document.xml', contentType: CONTENT_TYPES.docm }), 'macro.docx'],
			[strToU8('plain text'), 'notes.doc'],
			[someBytes(1000), 'random.xlsx'],
		] as const
		for (const [bytes, fileName] of refused) {
			expect(await inspectAttachment({ bytes, fileName }), fileName).toEqual({ ok: false, error: 'unsupported-type' })
		}
	})

	test('refuses Compound Files that are not Word, Excel or PowerPoint', async () => {
		const refused = [
			// An Outlook message.
			compoundFile({ '__substg1.0_0037001F': someBytes(40) }),
			// A password-protected docx: its content cannot be checked.
			compoundFile({ EncryptedPackage: someBytes(5000), EncryptionInfo: someBytes(200) }),
			// Two programs' streams at once: not a file any of them wrote.
			compoundFile({ WordDocument: someBytes(5000), Workbook: someBytes(5000) }),
		]
		for (const bytes of refused) {
			expect(await inspectAttachment({ bytes, fileName: 'x.doc' })).toEqual({ ok: false, error: 'unsupported-type' })
		}
	})

	test('a damaged or cyclic Compound File is refused, not a crash or a hang', async () => {
		const good = compoundFile({ WordDocument: someBytes(5000) })
		// Truncated after the header.
		expect(await inspectAttachment({ bytes: good.slice(0, 600), fileName: 'x.doc' })).toEqual({ ok: false, error: 'unsupported-type' })
		// The WordDocument entry names itself as its own left sibling.
		const cyclic = good.slice()
		const view = new DataView(cyclic.buffer)
		const name = Buffer.from('WordDocument', 'utf16le')
		const entry = Buffer.from(cyclic).indexOf(name)
		const directoryStart = (view.getUint32(0x30, true) + 1) * 512
		expect(entry).toBeGreaterThanOrEqual(directoryStart)
		view.setUint32(entry + 0x44, (entry - directoryStart) / 128, true)
		expect(await inspectAttachment({ bytes: cyclic, fileName: 'x.doc' })).toEqual({ ok: false, error: 'unsupported-type' })
		// A directory chain that points outside the file.
		const outside = good.slice()
		new DataView(outside.buffer).setUint32(0x30, 0x7fffffff, true)
		expect(await inspectAttachment({ bytes: outside, fileName: 'x.doc' })).toEqual({ ok: false, error: 'unsupported-type' })
	})

	test('empty and too large', async () => {
		expect(await inspectAttachment({ bytes: new Uint8Array(0), fileName: 'a.pdf' })).toEqual({ ok: false, error: 'empty' })
		const tooLarge = new Uint8Array(MAX_ATTACHMENT_BYTES + 1)
		tooLarge.set(minimalPdf())
		expect(await inspectAttachment({ bytes: tooLarge, fileName: 'a.pdf' })).toEqual({ ok: false, error: 'too-large' })
		const atLimit = tooLarge.subarray(0, MAX_ATTACHMENT_BYTES)
		expect(await inspectAttachment({ bytes: atLimit, fileName: 'a.pdf' })).toMatchObject({ ok: true, extension: 'pdf' })
	})
})

describe('stored names', () => {
	test('the extension is the real type, not the claimed one', () => {
		expect(safeFileName({ fileName: 'photo.png', extension: 'pdf' })).toBe('photo.pdf')
		expect(safeFileName({ fileName: 'minutes', extension: 'docx' })).toBe('minutes.docx')
		expect(safeFileName({ fileName: 'v1.2 final.DOC', extension: 'doc' })).toBe('v1.2 final.doc')
	})

	test('no folders, no hidden files, no control or reordering characters', () => {
		expect(safeFileName({ fileName: '../../etc/passwd', extension: 'pdf' })).toBe('passwd.pdf')
		expect(safeFileName({ fileName: 'C:\\Users\\王\\报告.pdf', extension: 'pdf' })).toBe('报告.pdf')
		expect(safeFileName({ fileName: '.htaccess', extension: 'pdf' })).toBe('htaccess.pdf')
		expect(safeFileName({ fileName: 'invoice\u202Efdp.exe', extension: 'pdf' })).toBe('invoicefdp.pdf')
		expect(safeFileName({ fileName: 'a\r\nb\t"c"<d>.pdf', extension: 'pdf' })).toBe('ab_c__d_.pdf')
		expect(safeFileName({ fileName: 'CON.pdf', extension: 'pdf' })).toBe('_CON.pdf')
		expect(safeFileName({ fileName: '...', extension: 'pdf' })).toBe('attachment.pdf')
	})

	test('long names are cut between characters, within 200 bytes', () => {
		const name = safeFileName({ fileName: `${'充电'.repeat(100)}.pdf`, extension: 'pdf' })
		expect(Buffer.byteLength(name)).toBeLessThanOrEqual(200)
		expect(name).toMatch(/^(充电)+充?\.pdf$/)
	})
})

describe('Content-Disposition', () => {
	/** Parse as a server framework would (jshttp's parser), and check a real Headers object takes it. */
	function roundTrip(value: string) {
		expect(() => new Headers({ 'Content-Disposition': value })).not.toThrow()
		expect(value).toMatch(/^[\x20-\x7e]+$/)
		return parseContentDisposition(value)
	}

	test('a Chinese name: UTF-8 in filename*, an ASCII stand-in in filename', () => {
		const value = contentDisposition({ fileName: '会议纪要（第3次）.docx' })
		expect(value).toBe(
			`attachment; filename="attachment.docx"; filename*=UTF-8''%E4%BC%9A%E8%AE%AE%E7%BA%AA%E8%A6%81%EF%BC%88%E7%AC%AC3%E6%AC%A1%EF%BC%89.docx`,
		)
		expect(roundTrip(value)).toEqual({ type: 'attachment', parameters: { filename: '会议纪要（第3次）.docx' } })
		// Mostly Latin: the Latin part is kept.
		expect(contentDisposition({ fileName: '会议纪要 Meeting 3.docx' })).toMatch(/^attachment; filename="_ Meeting 3\.docx"; /)
	})

	test('semicolons, equals signs, quotes, percent signs and parentheses', () => {
		const fileName = `Agenda; v2 = "final" 100% (it's)*.pdf`
		const value = contentDisposition({ fileName })
		// Quotes and `*` are not allowed in Windows names: they become `_` in both.
		expect(value).toMatch(/^attachment; filename="Agenda_ v2 _ _final_ 100_ \(it's\)_\.pdf"; filename\*=UTF-8''/)
		expect(roundTrip(value).parameters.filename).toBe(`Agenda; v2 = _final_ 100% (it's)_.pdf`)
		// RFC 8187 attr-chars exclude ' ( ) *: they are percent-encoded.
		expect(value).toContain(`filename*=UTF-8''Agenda%3B%20v2%20%3D%20_final_%20100%25%20%28it%27s%29_.pdf`)
	})

	test('CR/LF cannot add a header; paths are dropped', () => {
		const value = contentDisposition({ fileName: '../a\r\nSet-Cookie: session=x.pdf' })
		expect(value).not.toMatch(/[\r\n]/)
		expect(roundTrip(value).parameters.filename).toBe('aSet-Cookie_ session=x.pdf')
	})

	test('accents fold to ASCII in the fallback', () => {
		const value = contentDisposition({ fileName: 'Résumé Müller.pdf', inline: true })
		expect(value.startsWith('inline; filename="Resume Muller.pdf"; ')).toBe(true)
		expect(roundTrip(value)).toEqual({ type: 'inline', parameters: { filename: 'Résumé Müller.pdf' } })
	})

	test('a name with nothing left still downloads', () => {
		expect(roundTrip(contentDisposition({ fileName: '\u202E' })).parameters.filename).toBe('attachment')
	})
})
