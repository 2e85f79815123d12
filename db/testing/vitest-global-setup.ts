/**
 * Once per `vitest run`: a database server (from scripts/test.ts, or started
 * here when vitest runs alone) and a migrated, seeded template database that
 * each test file copies (vitest-setup.ts), so files never share state.
 */
import type { TestProject } from 'vitest/node'
import { createSql } from '../sql.server.ts'
import { migrate } from '../migrate.server.ts'
import { seed } from '../seed/seed.server.ts'
import { createTestDatabase, dropTestDatabase, startTestDatabaseServer } from './test-database.ts'

declare module 'vitest' {
	export interface ProvidedContext {
		testAdminUrl: string
		testTemplateUrl: string
	}
}

export default async function setup(project: TestProject) {
	const server = await startTestDatabaseServer()
	const templateUrl = await createTestDatabase(server.adminUrl)
	const sql = createSql(templateUrl, { max: 1 })
	try {
		await migrate({ sql })
		await seed({ sql })
	} finally {
		await sql.end()
	}
	project.provide('testAdminUrl', server.adminUrl)
	project.provide('testTemplateUrl', templateUrl)

	return async () => {
		await dropTestDatabase(server.adminUrl, templateUrl)
		await server.stop()
	}
}
