/** A meeting's attachment, for those who may read the meeting (app/meetings/attachment-download.server.ts). */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { attachmentResponse } from '#app/meetings/attachment-download.server.ts'

export const loader = (args: LoaderFunctionArgs) => attachmentResponse(args)
