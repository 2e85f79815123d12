/**
 * A fingerprint of a record's exact content. Officials sign the SHA-256 of a
 * record (a policy draft, minutes); the page recomputes it, in the browser
 * or on the server, to show that what is displayed is what was signed. Both
 * sides must therefore turn the same data into the same bytes: that is the
 * canonical JSON below, in the manner of RFC 8785 (JCS):
 * - object keys sorted by UTF-16 code units, no whitespace anywhere;
 * - strings escaped as JSON.stringify does (which matches JCS), and NOT
 *   Unicode-normalised: the hash is of the exact text, so two strings that
 *   look alike but differ in code points (NFC "é" and NFD "e" + accent) give
 *   different hashes, as a signature over bytes should. Normalise text (NFC)
 *   when it is saved, not when it is hashed;
 * - numbers as JSON.stringify writes them (ECMAScript's shortest round-trip
 *   form, as JCS requires; -0 is 0); NaN and ±Infinity are refused;
 * - properties whose value is undefined are left out (as in JSON);
 * - Date objects become their ISO 8601 string (database rows carry them).
 * Anything else that JSON cannot carry faithfully (undefined in an array, a
 * function, symbol, bigint, Map, Set, class instance, a cycle) is refused
 * with a TypeError rather than hashed as something it is not.
 */

export function canonicalJson(value: unknown): string {
	return serialize(value, [])
}

function serialize(value: unknown, path: object[]): string {
	if (value === null) return 'null'
	switch (typeof value) {
		case 'string':
			return JSON.stringify(value)
		case 'boolean':
			return value ? 'true' : 'false'
		case 'number':
			if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not a JSON number`)
			return JSON.stringify(value)
		case 'object':
			return serializeObject(value, path)
		default:
			throw new TypeError(`canonicalJson: a ${typeof value} is not JSON`)
	}
}

function serializeObject(value: object, path: object[]): string {
	if (value instanceof Date) return JSON.stringify(value.toISOString())
	if (path.includes(value)) throw new TypeError('canonicalJson: the value contains a cycle')
	const inner = [...path, value]
	if (Array.isArray(value)) {
		// Array.from visits holes of sparse arrays (as undefined), which map would skip.
		const items = Array.from(value as unknown[], (item) => {
			if (item === undefined) throw new TypeError('canonicalJson: undefined in an array is not JSON')
			return serialize(item, inner)
		})
		return `[${items.join(',')}]`
	}
	const prototype = Object.getPrototypeOf(value)
	if (prototype !== Object.prototype && prototype !== null) {
		throw new TypeError(`canonicalJson: a ${value.constructor?.name ?? 'non-plain'} object is not JSON`)
	}
	const record = value as Record<string, unknown>
	// The default sort compares UTF-16 code units, which is the order JCS prescribes.
	const members = Object.keys(record)
		.sort()
		.filter((key) => record[key] !== undefined)
		.map((key) => `${JSON.stringify(key)}:${serialize(record[key], inner)}`)
	return `{${members.join(',')}}`
}

/** Lowercase hex SHA-256 of canonicalJson(value), through Web Crypto (browsers, Node 20+). */
export async function contentHash(value: unknown): Promise<string> {
	return sha256Hex(canonicalJson(value))
}

/** Lowercase hex SHA-256 of a text's UTF-8 bytes. */
export async function sha256Hex(text: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
	return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('')
}
