/**
 * Passwords: argon2id with OWASP's minimum (m = 19 MiB, t = 2, p = 1),
 * re-hashed at sign-in when these parameters are raised; 8 to 128
 * characters, no composition rules, not one of the ~49,000 most common
 * passwords (zxcvbn-ts's list). Never logged.
 */
import { type Algorithm, hash, verify } from '@node-rs/argon2'
import { dictionary } from '@zxcvbn-ts/language-common'

/** `Algorithm.Argon2id`: a const enum, which isolated modules cannot read. */
const ARGON2ID = 2 as Algorithm.Argon2id

export const ARGON2_PARAMS = {
	algorithm: ARGON2ID,
	memoryCost: 19_456, // KiB = 19 MiB
	timeCost: 2,
	parallelism: 1,
} as const

export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2_PARAMS)
}

/** Whether the hash was made with weaker parameters than today's. */
export function needsRehash(passwordHash: string): boolean {
	const match = /^\$argon2id\$v=\d+\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(passwordHash)
	if (!match) return true
	const [, m, t, p] = match.map(Number)
	return m! < ARGON2_PARAMS.memoryCost || t! < ARGON2_PARAMS.timeCost || p !== ARGON2_PARAMS.parallelism
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password)
	} catch {
		return false
	}
}

/**
 * For an email nobody uses, verify against this so that the answer takes
 * as long as for a real account (no enumeration by timing).
 */
let dummyHash: Promise<string> | undefined
export async function verifyAgainstDummy(password: string): Promise<false> {
	dummyHash ??= hashPassword('not-a-real-password-but-a-timing-equaliser')
	await verifyPassword(await dummyHash, password)
	return false
}

let commonPasswords: Set<string> | undefined
export function isCommonPassword(password: string): boolean {
	commonPasswords ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()))
	return commonPasswords.has(password.toLowerCase())
}
