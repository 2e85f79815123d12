import ICAL from 'ical.js'
import { describe, expect, test } from 'vitest'
import {
	calendarFile,
	FEED_REFRESH_INTERVAL_S,
	meetingEvent,
	meetingUid,
	type MeetingEventInput,
} from './ical.server.ts'

const NOW = new Date('2026-10-20T12:00:00Z')

function input(overrides: Partial<MeetingEventInput> = {}): MeetingEventInput {
	return {
		uid: meetingUid({ meetingId: 42, host: 'lab.example.org' }),
		sequence: 3,
		start: new Date('2026-11-02T16:00:00Z'),
		end: new Date('2026-11-02T17:30:00Z'),
		title: 'Charging working group',
		agenda: 'Review the draft',
		pageUrl: 'https://lab.example.org/en/meetings/42',
		onlineUrl: 'https://meet.example.com/j/123',
		updatedAt: new Date('2026-10-19T08:00:00Z'),
		...overrides,
	}
}

/** Parse with ical.js, an independent RFC 5545 parser, as a calendar app would. */
function parse(text: string) {
	const calendar = new ICAL.Component(ICAL.parse(text))
	const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component))
	return { calendar, events }
}

function only<T>(items: T[]): T {
	expect(items).toHaveLength(1)
	return items[0]!
}

describe('one meeting as .ics', () => {
	test('UID, SEQUENCE, STATUS, DTSTAMP, times in UTC and the published method', () => {
		const text = calendarFile({ name: 'Charging working group', events: [meetingEvent(input())], now: NOW })
		const { calendar, events } = parse(text)
		expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
		expect(calendar.getFirstPropertyValue('version')).toBe('2.0')
		const event = only(events)
		expect(event.uid).toBe('meeting-42@lab.example.org')
		expect(event.sequence).toBe(3)
		expect(event.component.getFirstPropertyValue('status')).toBe('CONFIRMED')
		expect(event.startDate.toJSDate().toISOString()).toBe('2026-11-02T16:00:00.000Z')
		expect(event.endDate.toJSDate().toISOString()).toBe('2026-11-02T17:30:00.000Z')
		expect(event.startDate.zone?.tzid).toBe('UTC')
		const stamp = event.component.getFirstPropertyValue('dtstamp') as ICAL.Time
		expect(stamp.toJSDate().toISOString()).toBe(NOW.toISOString())
		const modified = event.component.getFirstPropertyValue('last-modified') as ICAL.Time
		expect(modified.toJSDate().toISOString()).toBe('2026-10-19T08:00:00.000Z')
		// Lines end in CRLF, as RFC 5545 requires.
		expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/)
		expect(text).toMatch(/\r\nEND:VCALENDAR\r\n$/)
		expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
	})

	test('an online-only meeting: the join link is the LOCATION and the page the URL', () => {
		const event = only(parse(calendarFile({ name: 'x', events: [meetingEvent(input())], now: NOW })).events)
		expect(event.location).toBe('https://meet.example.com/j/123')
		expect(event.component.getFirstPropertyValue('url')).toBe('https://lab.example.org/en/meetings/42')
		expect(event.description).toBe('Review the draft')
	})

	test('with a room, the room is the LOCATION and the join link ends the description', () => {
		const event = only(
			parse(calendarFile({ name: 'x', events: [meetingEvent(input({ place: 'Room 1103, ITS Davis' }))], now: NOW })).events,
		)
		expect(event.location).toBe('Room 1103, ITS Davis')
		expect(event.description).toBe('Review the draft\n\nhttps://meet.example.com/j/123')
	})

	test('a cancelled meeting keeps its UID, with STATUS:CANCELLED and the next SEQUENCE', () => {
		const text = calendarFile({ name: 'x', events: [meetingEvent(input({ sequence: 4, cancelled: true }))], now: NOW })
		const event = only(parse(text).events)
		expect(event.uid).toBe('meeting-42@lab.example.org')
		expect(event.sequence).toBe(4)
		expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED')
	})

	test('commas, semicolons, backslashes, newlines and Chinese text survive a round trip', () => {
		const title = '充电工作组, 第3次会议; 北京\\戴维斯'
		const agenda = '议程：\n1. 审阅草案, 讨论「补贴」; 投票\r\n2. Next steps, AOB'
		const text = calendarFile({ name: 'x', events: [meetingEvent(input({ title, agenda, onlineUrl: null }))], now: NOW })
		const event = only(parse(text).events)
		expect(event.summary).toBe(title)
		expect(event.description).toBe(agenda.replace('\r\n', '\n'))
		// Escaped in the file, not merely read back by a lenient parser.
		expect(text.replace(/\r\n /g, '')).toContain('SUMMARY:充电工作组\\, 第3次会议\\; 北京\\\\戴维斯')
	})

	test('text cannot inject properties or events', () => {
		const title = 'Budget\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil@example.com\r\nSUMMARY:pwned'
		const name = 'Group\r\nMETHOD:CANCEL'
		const { calendar, events } = parse(calendarFile({ name, events: [meetingEvent(input({ title }))], now: NOW }))
		const event = only(events)
		expect(event.uid).toBe('meeting-42@lab.example.org')
		expect(event.summary).toBe(title.replace(/\r\n/g, '\n'))
		expect(calendar.getAllProperties('method').map((p) => p.getFirstValue())).toEqual(['PUBLISH'])
	})

	test('lines are folded at 75 octets without splitting a UTF-8 character', () => {
		const agenda = '讨论中美两国电动汽车充电基础设施政策的协调与合作，并审阅报告草案。'.repeat(6)
		const text = calendarFile({ name: 'x', events: [meetingEvent(input({ agenda, title: 'A'.repeat(200) }))], now: NOW })
		const lines = text.split('\r\n')
		expect(lines.some((line) => line.startsWith(' '))).toBe(true)
		for (const line of lines) {
			expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
		}
		// Folding happened between characters: no line is a broken UTF-8 sequence.
		const bytes = Buffer.from(text, 'utf8')
		expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(text)
		const event = only(parse(text).events)
		expect(event.description).toBe(agenda)
		expect(event.summary).toBe('A'.repeat(200))
	})

	test('times stay right across the US DST changes', () => {
		// The same 16:00 UTC slot is 09:00 in Davis before 2026-11-01 and 08:00 after.
		const events = [
			meetingEvent(input({ uid: 'meeting-1@lab.example.org', start: new Date('2026-10-26T16:00:00Z'), end: new Date('2026-10-26T17:00:00Z') })),
			meetingEvent(input({ uid: 'meeting-2@lab.example.org', start: new Date('2026-11-02T16:00:00Z'), end: new Date('2026-11-02T17:00:00Z') })),
			meetingEvent(input({ uid: 'meeting-3@lab.example.org', start: new Date('2026-03-09T16:00:00Z'), end: new Date('2026-03-09T17:00:00Z') })),
		]
		const parsed = parse(calendarFile({ name: 'x', events, now: NOW })).events
		const davis = new Intl.DateTimeFormat('en', { timeZone: 'America/Los_Angeles', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
		const beijing = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
		expect(parsed.map((e) => davis.format(e.startDate.toJSDate()))).toEqual(['09:00', '08:00', '09:00'])
		expect(parsed.map((e) => beijing.format(e.startDate.toJSDate()))).toEqual(['00:00', '00:00', '00:00'])
	})

	test('refuses a malformed UID, a bad sequence and an end before the start', () => {
		expect(() => meetingUid({ meetingId: '4\r\n2', host: 'lab.example.org' })).toThrow()
		expect(() => meetingEvent(input({ uid: 'no-host' }))).toThrow()
		expect(() => meetingEvent(input({ sequence: -1 }))).toThrow()
		expect(() => meetingEvent(input({ sequence: 1.5 }))).toThrow()
		expect(() => meetingEvent(input({ end: new Date('2026-11-02T15:00:00Z') }))).toThrow()
	})

	test('drops URLs that are not http(s) and keeps commas in URLs intact', () => {
		const event = meetingEvent(input({ pageUrl: 'javascript:alert(1)', onlineUrl: 'https://meet.example.com/j/1?a=1,2;b' }))
		expect(event.url).toBeNull()
		const parsed = only(parse(calendarFile({ name: 'x', events: [event], now: NOW })).events)
		expect(parsed.location).toBe('https://meet.example.com/j/1?a=1%2C2%3Bb')
	})
})

describe('a group feed', () => {
	test('several events, the calendar name and a refresh interval', () => {
		const name = '充电工作组, Charging WG; 会议'
		const events = [1, 2, 3].map((id) =>
			meetingEvent(
				input({
					uid: meetingUid({ meetingId: id, host: 'lab.example.org' }),
					sequence: id,
					start: new Date(Date.UTC(2026, 10, id, 16)),
					end: new Date(Date.UTC(2026, 10, id, 17)),
				}),
			),
		)
		const text = calendarFile({ name, events, now: NOW, lang: 'zh', refreshIntervalS: FEED_REFRESH_INTERVAL_S })
		const { calendar, events: parsed } = parse(text)
		expect(parsed.map((e) => [e.uid, e.sequence])).toEqual([
			['meeting-1@lab.example.org', 1],
			['meeting-2@lab.example.org', 2],
			['meeting-3@lab.example.org', 3],
		])
		// ical.js leaves unknown X- properties as written: check the escaping directly.
		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('充电工作组\\, Charging WG\\; 会议')
		expect(text).toContain('X-WR-CALNAME:充电工作组\\, Charging WG\\; 会议\r\n')
		const refresh = calendar.getFirstProperty('refresh-interval')
		expect(refresh?.type).toBe('duration')
		expect(String(refresh?.getFirstValue())).toBe('PT1H')
		expect(text).toContain('X-PUBLISHED-TTL:PT1H\r\n')
		expect(calendar.getFirstPropertyValue('prodid')).toMatch(/\/\/ZH$/)
		expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
	})

	test('an empty feed is still a valid calendar', () => {
		const { calendar, events } = parse(calendarFile({ name: 'Empty', events: [], now: NOW }))
		expect(events).toHaveLength(0)
		expect(calendar.name).toBe('vcalendar')
	})
})
