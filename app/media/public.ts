/** Media addresses other features build (covers, images in bodies). */
export { isMediaKey, mediaKeyFromUrl, mediaUrl } from './limits.ts'
