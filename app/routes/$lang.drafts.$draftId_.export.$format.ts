/** A draft (or `?revision=`) as a file: `markdown` (.md, both languages) or `docx` (Word, `?layout=sequential` or side by side). */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { exportDraft } from '#app/drafts/export.server.ts'

export const loader = (args: LoaderFunctionArgs) => exportDraft(args)
