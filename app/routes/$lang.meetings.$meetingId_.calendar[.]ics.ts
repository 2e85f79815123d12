/** One meeting as an iCalendar file, for whoever may read it (app/meetings/calendar.server.ts). */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { meetingCalendarResponse } from '#app/meetings/calendar.server.ts'

export const loader = (args: LoaderFunctionArgs) => meetingCalendarResponse(args)
