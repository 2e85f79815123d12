/**
 * Secrets sent to people (session cookies, invitation and reset links):
 * 256 random bits, stored only as their SHA-256, so a copy of the database
 * lets nobody in.
 */
import { createHash, randomBytes } from 'node:crypto'

const TOKEN_BYTES = 32

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex')
}

export function createToken(): { token: string; tokenHash: string } {
	const token = randomBytes(TOKEN_BYTES).toString('base64url')
	return { token, tokenHash: hashToken(token) }
}

/** A user's id: random, so ids reveal neither order nor count of accounts. */
export function createUserId(): string {
	return randomBytes(15).toString('base64url')
}
