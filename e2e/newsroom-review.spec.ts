/**
 * Writing and reviewing news, as the first users asked (issue 13), in both
 * languages: the preview is the article (headings, lists, tables, title,
 * summary, cover); the review conversation goes both ways, each side told by
 * email in their own language; the author says which version is the original.
 */
import { randomBytes } from 'node:crypto'
import { storeImage } from '#app/media/media.queries.server.ts'
import { jpegImage } from '#app/testing/image-fixtures.ts'
import { createNewsPost } from './content.ts'
import { createUser, getDb, signInContext, test } from './fixtures.ts'
import { column, expect, fill, lastOutboxId, locales, waitForOutbox, type Lang } from './first-users.ts'

process.env.UPLOAD_DIR ??= '.cache/e2e-uploads'

const LANGS: Lang[] = ['en', 'zh']
const other = (lang: Lang): Lang => (lang === 'en' ? 'zh' : 'en')
const unique = (label: string) => `${label}-${randomBytes(4).toString('hex')}`

for (const lang of LANGS) {
	const t = locales[lang].newsroom

	test(`${lang}: the preview is the article: title, summary, cover, headings, lists and tables`, async ({ page, baseURL }) => {
		const editor = await createUser({ role: 'editor', lang })
		const cover = await storeImage({ bytes: jpegImage({ width: 1200, height: 630 }), originalName: `${unique('cover')}.jpg`, uploadedBy: editor.id })
		if (!cover.ok) throw new Error(cover.error)
		await signInContext(page.context(), baseURL!, editor.id)
		await page.goto(`/${lang}/newsroom/new`)
		await page.getByLabel(t.editor.cover, { exact: true }).selectOption(cover.image.id)
		const en = column(page, lang, 'en')
		await en.getByLabel(t.editor.title, { exact: true }).fill('Workshop on charging')
		await en.getByLabel(t.editor.summary, { exact: true }).fill('What the workshop decided.')
		await en.getByLabel(t.editor.body).fill('## Agenda\n\n- Tariffs\n- Charging\n\n| Item | Lead |\n|---|---|\n| Tariffs | Group A |')
		await en.getByLabel(t.editor['cover-alt']).fill('Chargers in a row')
		const zh = column(page, lang, 'zh')
		await zh.getByLabel(t.editor.title, { exact: true }).fill('充电研讨会')
		await zh.getByLabel(t.editor.body).fill('### 议程\n\n1. 关税\n2. 充电')
		await page.getByRole('button', { name: t.actions.preview, exact: true }).click()

		const enPreview = page.getByRole('region', { name: fill(t.editor['preview-of'], { language: t.editor.version.en }) })
		const article = enPreview.locator('article')
		await expect(article).toHaveAttribute('lang', 'en')
		await expect(article.getByRole('heading', { name: 'Workshop on charging' })).toBeVisible()
		await expect(article).toContainText('What the workshop decided.')
		await expect(article.getByRole('img', { name: 'Chargers in a row' })).toHaveAttribute('src', cover.image.url)
		// The body with the article's own styles: a real heading, list and table.
		const body = article.getByTestId('article-body')
		await expect(body).toHaveClass(/\bprose\b/)
		await expect(body.getByRole('heading', { level: 2, name: 'Agenda' })).toBeVisible()
		await expect(body.locator('ul > li')).toHaveText(['Tariffs', 'Charging'])
		await expect(body.getByRole('cell', { name: 'Group A' })).toBeVisible()
		await expect(body.locator('h2')).toHaveCSS('font-weight', '700')
		const zhPreview = page.getByRole('region', { name: fill(t.editor['preview-of'], { language: t.editor.version.zh }) })
		await expect(zhPreview.locator('article')).toHaveAttribute('lang', 'zh-CN')
		await expect(zhPreview.getByRole('heading', { level: 3, name: '议程' })).toBeVisible()
		await expect(zhPreview.locator('ol > li')).toHaveText(['关税', '充电'])
		// Preview saved nothing and kept every field.
		await expect(page).toHaveURL(new RegExp(`/${lang}/newsroom/new$`))
		await expect(en.getByLabel(t.editor.title, { exact: true })).toHaveValue('Workshop on charging')
	})

	test(`${lang}: review goes both ways: changes requested with a message, a reply, a new submission, publication — each side told in their own language`, async ({
		browser,
		baseURL,
	}) => {
		const authorLang = other(lang)
		const tEditor = locales[lang]
		const tAuthor = locales[authorLang]
		const researcher = await createUser({ role: 'researcher', lang: authorLang, name: unique('Rita') })
		const editor = await createUser({ role: 'editor', lang, name: unique('Eddie') })
		const title = unique('Field notes')
		const post = await createNewsPost({ status: 'draft', publishedAt: null, authorId: researcher.id, versions: { en: { title }, zh: { title: `${title} 中文` } } })
		const since = await lastOutboxId()

		const authorContext = await browser.newContext({ baseURL })
		await signInContext(authorContext, baseURL!, researcher.id)
		const author = await authorContext.newPage()
		await author.goto(`/${authorLang}/newsroom/${post.id}`)
		await author.getByRole('button', { name: tAuthor.newsroom.actions.submit, exact: true }).click()
		await expect(author.getByRole('status')).toHaveText(tAuthor.newsroom.saved.submit)
		const [request] = await waitForOutbox({ to: editor.email, kind: 'review_request', afterId: since })
		expect(request!.subject).toBe(fill(tEditor.email.review.subject, { title: lang === 'en' ? title : `${title} 中文` }))

		const editorContext = await browser.newContext({ baseURL })
		await signInContext(editorContext, baseURL!, editor.id)
		const reviewer = await editorContext.newPage()
		await reviewer.goto(`/${lang}/newsroom/${post.id}`)
		const conversation = reviewer.getByTestId('review-conversation')
		await conversation.getByLabel(tEditor.newsroom.review.message).fill('Please add the date of the meeting.')
		await conversation.getByRole('button', { name: tEditor.newsroom.review['request-changes'] }).click()
		await expect(reviewer.getByRole('status')).toHaveText(tEditor.newsroom.saved['request-changes'])
		await expect(conversation.getByTestId('review-entry').last()).toHaveAttribute('data-kind', 'changes-requested')
		await expect(conversation.getByTestId('review-entry').last()).toContainText('Please add the date of the meeting.')
		const [stillInReview] = await getDb()<{ reviewRequestedAt: Date | null }[]>`select review_requested_at as "reviewRequestedAt" from news_posts where id = ${post.id}`
		expect(stillInReview!.reviewRequestedAt).toBeNull()

		// The author is told why, in their language, with a link to the post.
		const [changes] = await waitForOutbox({ to: researcher.email, kind: 'review_changes_requested', afterId: since })
		expect(changes!.subject).toBe(fill(tAuthor.email['review-thread']['changes-requested'].subject, { title: authorLang === 'en' ? title : `${title} 中文` }))
		expect(changes!.body).toContain('Please add the date of the meeting.')
		expect(changes!.body).toContain(`${baseURL}/${authorLang}/newsroom/${post.id}`)

		await author.goto(`/${authorLang}/newsroom/${post.id}`)
		await expect(author.getByText(tAuthor.newsroom.review['changes-requested'])).toBeVisible()
		await expect(author.getByTestId('changes-requested-badge')).toBeVisible()
		const reply = author.getByTestId('review-conversation')
		await reply.getByLabel(tAuthor.newsroom.review.message).fill('Added: 3 March.')
		await reply.getByRole('button', { name: tAuthor.newsroom.review.comment }).click()
		await expect(author.getByRole('status')).toHaveText(tAuthor.newsroom.saved.comment)
		// Only editors may send a post back.
		await expect(reply.getByRole('button', { name: tAuthor.newsroom.review['request-changes'] })).toHaveCount(0)

		// The editor who asked hears the reply, in their language.
		const [comment] = await waitForOutbox({ to: editor.email, kind: 'review_comment', afterId: since })
		expect(comment!.subject).toBe(fill(tEditor.email['review-thread'].comment.subject, { title: lang === 'en' ? title : `${title} 中文` }))
		expect(comment!.body).toContain('Added: 3 March.')

		await author.getByRole('button', { name: tAuthor.newsroom.actions.resubmit, exact: true }).click()
		await expect(author.getByRole('status')).toHaveText(tAuthor.newsroom.saved.submit)
		await expect(author.getByTestId('changes-requested-badge')).toHaveCount(0)

		await reviewer.goto(`/${lang}/newsroom/${post.id}`)
		await reviewer.getByRole('button', { name: tEditor.newsroom.actions.publish }).click()
		await expect(reviewer.getByRole('status')).toHaveText(tEditor.newsroom.saved.publish)
		await expect(reviewer.getByTestId('review-entry').last()).toHaveAttribute('data-kind', 'approved')
		const [published] = await waitForOutbox({ to: researcher.email, kind: 'post_published', afterId: since })
		expect(published!.subject).toBe(fill(tAuthor.email['review-thread'].published.subject, { title: authorLang === 'en' ? title : `${title} 中文` }))
		expect(published!.body).toContain(`${baseURL}/${authorLang}/news/${post.slugs[authorLang]}`)
		// The decision is in the audit log.
		const events = await getDb()<{ event: string }[]>`
			select event from audit_events where actor_id = ${editor.id} and details->>'postId' = ${post.id} order by id
		`
		expect(events.map((e) => e.event)).toEqual(['post_changes_requested', 'post_published'])
		await authorContext.close()
		await editorContext.close()
	})

	test(`${lang}: the author says which version is the original; a Chinese title names its own address`, async ({ page, baseURL }) => {
		const editor = await createUser({ role: 'editor', lang })
		await signInContext(page.context(), baseURL!, editor.id)
		await page.goto(`/${lang}/newsroom/new`)
		const suffix = randomBytes(3).toString('hex')
		await column(page, lang, 'zh').getByLabel(t.editor.title, { exact: true }).fill(`充电研讨会 ${suffix}`)
		await column(page, lang, 'zh').getByLabel(t.editor.body).fill('中文原文。')
		await column(page, lang, 'en').getByLabel(t.editor.title, { exact: true }).fill(`Charging workshop ${suffix}`)
		await column(page, lang, 'en').getByLabel(t.editor.body).fill('The English translation.')
		await page.getByRole('group', { name: t.editor.original }).getByLabel(t.editor.version.zh).check()
		await page.getByRole('button', { name: t.actions['save-draft'] }).click()
		await page.waitForURL(/\/newsroom\/\d+\?saved=save/)
		await expect(column(page, lang, 'zh').getByText(fill(t.translation.original, { revision: 1 }))).toBeVisible()
		await expect(column(page, lang, 'en').getByText(fill(t.translation.current.zh, { from: 1 }))).toBeVisible()
		await expect(page.getByRole('group', { name: t.editor.original }).getByLabel(t.editor.version.zh)).toBeChecked()
		await expect(column(page, lang, 'zh').getByLabel(t.editor.slug)).toHaveValue(`chong-dian-yan-tao-hui-${suffix}`)
		await expect(column(page, lang, 'en').getByLabel(t.editor.slug)).toHaveValue(`charging-workshop-${suffix}`)

		// Revising the Chinese original leaves the English translation behind.
		await column(page, lang, 'zh').getByLabel(t.editor.body).fill('中文原文，修订版。')
		await page.getByRole('button', { name: t.actions['save-draft'] }).click()
		await expect(column(page, lang, 'en').getByText(fill(t.translation.outdated.zh, { from: 1 }))).toBeVisible()
	})
}
