/** Documents built from bytes for tests (no binary fixture checked in). */

/** The smallest complete PDF: one empty page, with a correct cross-reference table. */
export function minimalPdf(): Uint8Array {
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
	]
	let body = '%PDF-1.4\n'
	const offsets: number[] = []
	objects.forEach((object, i) => {
		offsets.push(body.length)
		body += `${i + 1} 0 obj\n${object}\nendobj\n`
	})
	const xref = body.length
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
	body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
	return new TextEncoder().encode(body)
}

/** An HTML page: what no attachment may be, whatever its name claims. */
export const HTML_PAGE = new TextEncoder().encode('<!doctype html><html><body><script>alert(1)</script></body></html>\n')
