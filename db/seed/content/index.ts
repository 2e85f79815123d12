/**
 * Demo content for the ZEV Policy Lab portal, loaded by `npm run db:seed`, one
 * file per area.
 *
 * Sources (see ../shared/seeds/):
 * - 000_2c7c740f77c5fbb4.txt: news article on the California-China ZEV partnership
 *   (first news post, English original plus a Simplified Chinese translation).
 * - 004_50e1270ee92f2e68.txt: Zhang Yujing, "Sino-US Electric Vehicle Policy Coordination
 *   and Cooperation Under the Goal of Carbon Neutrality". Table 1 is the comparison;
 *   Table 2's four coordination paths are the working groups.
 *
 * The other 13 news posts are written for the demo. They describe plausible lab
 * activities (workshops, working-group meetings, consultations, research briefs, a
 * student fellowship, an exchange visit, an annual report) built on the paper's four
 * coordination paths. They are not reports of real events and contain no quotes,
 * no named officials and no statistics presented as findings.
 *
 * The posts also demo the editorial workflow: English-only and Chinese-only posts,
 * posts written in Chinese with an English translation, one outdated translation
 * (`revisedOriginal`: the English original has a later update note that the
 * Chinese lacks), one draft and one scheduled post.
 *
 * Meetings (meetings.ts) are written for the demo too: each working group has a
 * past and an upcoming one, at times relative to when the seed runs; a fifth,
 * private group (the Steering Committee) shows what non-members never see.
 *
 * Minutes (records.ts), demo mode only: each Table 2 group's past meeting has
 * approved bilingual minutes with decisions and action items; the Steering
 * Committee's wait in review for the demo official.
 */
import type { SeedContent } from '../types.ts'
import { comparison } from './comparison.ts'
import { draftPeople, drafts } from './drafts.ts'
import { workingGroups } from './groups.ts'
import { meetings } from './meetings.ts'
import { newsPosts } from './news.ts'
import { records } from './records.ts'
import { tags } from './tags.ts'

export const seedContent: SeedContent = { workingGroups, meetings, records, tags, newsPosts, comparison, draftPeople, drafts }
