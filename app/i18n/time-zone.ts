/**
 * Wall-clock times in a named time zone, for <input type="datetime-local">:
 * an editor in Beijing who schedules "09:00" means 09:00 in Beijing, whatever
 * zone the server runs in. @date-fns/tz knows the zone rules (via Intl).
 */
import { TZDate } from '@date-fns/tz'

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

/** `2026-12-01T09:00` in `Asia/Shanghai` → the instant 2026-12-01T01:00Z; null if malformed. */
export function wallTimeToDate(value: string, timeZone: string): Date | null {
	const match = WALL_TIME.exec(value)
	if (!match) return null
	const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as number[]
	const zoned = new TZDate(year!, month! - 1, day!, hour!, minute!, second!, timeZone)
	const instant = new Date(zoned.getTime())
	if (Number.isNaN(instant.getTime())) return null
	// Reject dates that do not exist (2026-02-30) instead of rolling them over.
	return zoned.getMonth() === month! - 1 && zoned.getDate() === day! ? instant : null
}

/** The instant as `YYYY-MM-DDTHH:mm` on the wall clocks of `timeZone`. */
export function dateToWallTime(date: Date, timeZone: string): string {
	const zoned = new TZDate(date.getTime(), timeZone)
	const pad = (n: number) => String(n).padStart(2, '0')
	return `${zoned.getFullYear()}-${pad(zoned.getMonth() + 1)}-${pad(zoned.getDate())}T${pad(zoned.getHours())}:${pad(zoned.getMinutes())}`
}
