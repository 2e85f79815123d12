/** Media addresses other features build (covers, images in bodies), and the upload limits an uploader states. */
export { ACCEPTED_CONTENT_TYPES, isMediaKey, MAX_UPLOAD_BYTES, MEDIA_PAGE_PATH, mediaKeyFromUrl, mediaUrl, type MediaError } from './limits.ts'
