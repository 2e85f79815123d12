/**
 * A group's meetings as a subscribable iCalendar feed (app/meetings/calendar.server.ts):
 * public for a public group; for a private one, only with a member's current secret (`?token=`).
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { groupCalendarResponse } from '#app/meetings/calendar.server.ts'

export const loader = (args: LoaderFunctionArgs) => groupCalendarResponse(args)
