/**
 * What other features may use of the meetings (a group's page lists its
 * meetings; the sitemap and the response cache need the public ones). Other
 * features import the meetings only through this module and `public.ts`.
 */
export { listUpcomingAndPastMeetingCards, type MeetingCard } from './cards.server.ts'
export { getMeetingForActor, listMeetingsForActor, type Meeting, type MeetingListItem } from './meetings.queries.server.ts'
export { listPublicMeetingsForSitemap, meetingsClockWindow } from './public-meetings.queries.server.ts'
export { resetCalendarLink } from './operations.server.ts'
export { meetingSearchSource, recordSearchSource } from './search.queries.server.ts'
