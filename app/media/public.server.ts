/**
 * What other features may use of the uploaded media: the images' sizes for
 * Markdown bodies, the uploads editors pick covers from. Other features import
 * media only through this module and `public.ts`.
 */
export { getImageSizesForMarkdown } from './images.server.ts'
export { listMedia } from './media.queries.server.ts'
/** The bytes store (local folder or S3 bucket), for files other features keep private (meeting attachments). */
export { getStorage, type StoredObject } from './storage.server.ts'
