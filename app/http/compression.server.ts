/**
 * How responses the app renders are compressed on their way out (the
 * `compression` middleware; the public response cache compresses what it
 * keeps itself). The bench's reference Remix app is served with the same
 * options, so the comparison stays one of rendering (docs/decisions/024).
 */
import { constants as zlib } from 'node:zlib'
import type { CompressionOptions } from 'compression'

/**
 * Brotli's window: 256 KB, more than any page the portal renders (a
 * signed-in page is 60–80 KB). The default, 4 MB, is memory every response
 * set up and touched while it streamed: with 32 pages compressing at once,
 * 8 ms of CPU a page more than gzip, for the same bytes out.
 */
const BROTLI_WINDOW_BITS = 18
/** The middleware's own default: balanced speed and size for pages made per request. */
const BROTLI_QUALITY = 4

export const COMPRESSION_OPTIONS: CompressionOptions = {
	brotli: { params: { [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlib.BROTLI_PARAM_LGWIN]: BROTLI_WINDOW_BITS } },
}
