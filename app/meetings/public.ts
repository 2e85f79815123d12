/** The meetings' addresses other features link to (group pages, the site's navigation, emails). */
export { meetingPaths, meetingPathsWithoutLang } from './links.ts'
export { MeetingList, type MeetingCardData } from './meeting-list.tsx'
