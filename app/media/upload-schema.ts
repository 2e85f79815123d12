/** The upload form's schema, shared by the page (checks before sending) and the server. */
import { z } from 'zod'
import { MAX_UPLOAD_BYTES } from './limits.ts'

export const uploadSchema = z.object({
	file: z
		.instanceof(File, { message: 'media:errors.missing' })
		.refine((file) => file.size > 0, 'media:errors.missing')
		.refine((file) => file.size <= MAX_UPLOAD_BYTES, 'media:errors.too-large'),
})
