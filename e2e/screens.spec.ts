/**
 * The main pages at a phone's width (375 px) and a laptop's (1280 px), in
 * both languages: none may scroll sideways. Each is also saved as a PNG in
 * .cache/shots/ for people to look at (`npm run test:e2e -- e2e/screens.spec.ts`).
 */
import { mkdirSync } from 'node:fs'
import { createUser, signInContext, test, type Role } from './fixtures.ts'
import { CHECKED_PAGES, pathIn } from './a11y-pages.ts'
import { expectNoSidewaysScroll } from './first-users.ts'

const SHOTS_DIR = '.cache/shots'
const WIDTHS = [375, 1280] as const
const LANGS = ['en', 'zh'] as const
/** Beyond the checked pages: the feed as a browser shows it. */
const EXTRA = [{ name: 'feed', path: '/{lang}/news/feed.xml', as: 'anonymous' as const }]

mkdirSync(SHOTS_DIR, { recursive: true })

for (const checked of [...CHECKED_PAGES, ...EXTRA]) {
	for (const width of WIDTHS) {
		test(`${checked.name} at ${width} px fits the screen in both languages`, async ({ browser, baseURL }) => {
			const context = await browser.newContext({ baseURL, viewport: { width, height: width < 600 ? 800 : 900 } })
			if (checked.as !== 'anonymous') await signInContext(context, baseURL!, (await createUser({ role: checked.as as Role })).id)
			const page = await context.newPage()
			for (const lang of LANGS) {
				const path = pathIn(checked, lang)
				await page.goto(path)
				if (checked.name !== 'feed') await expectNoSidewaysScroll(page, `${path} at ${width}px`)
				await page.screenshot({ path: `${SHOTS_DIR}/${checked.name}-${lang}-${width}.png`, fullPage: true })
			}
			await context.close()
		})
	}
}
