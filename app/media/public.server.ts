/**
 * What other features may use of the uploaded media: the images' sizes for
 * Markdown bodies, the uploads editors pick covers from. Other features import
 * media only through this module and `public.ts`.
 */
export { getImageSizesForMarkdown } from './images.server.ts'
export { listMedia } from './media.queries.server.ts'
