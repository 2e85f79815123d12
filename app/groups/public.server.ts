/**
 * What other features may use of the working groups (names for filters,
 * news posts' groups, the home page's cards, meetings' groups). Other
 * features import the groups only through this module.
 */
export { getGroupLabel, listPublicGroupsForSitemap, listWorkingGroups, type WorkingGroupSummary } from './groups.queries.server.ts'
export {
	getGroupAccess,
	getGroupAccessById,
	getGroupNames,
	groupName,
	listedGroupCondition,
	listMemberGroupIds,
	readableGroupCondition,
	type GroupAccess,
} from './access.queries.server.ts'
export { groupSearchSource } from './search.queries.server.ts'
