/**
 * What other features may use of the accounts: who to notify (editors of a
 * review request, a group's members). Other features import accounts only
 * through this module.
 */
export { listActiveUsersWithRoles } from './users.queries.server.ts'
