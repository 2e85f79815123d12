/**
 * Before each test file: its own copy of the seeded template database, named
 * by DATABASE_URL before the file imports any model. Dropped afterwards.
 */
import { afterAll, inject } from 'vitest'
import { createTestDatabase, dropTestDatabase } from './test-database.ts'

const adminUrl = inject('testAdminUrl')
const url = await createTestDatabase(adminUrl, { template: inject('testTemplateUrl') })
process.env.DATABASE_URL = url

afterAll(async () => {
	await globalThis.__zevSql?.end({ timeout: 5 })
	await dropTestDatabase(adminUrl, url)
})
