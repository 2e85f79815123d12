import { vitePlugin as remix } from '@remix-run/dev'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'
import remixConfig from './remix.config.js'

export default defineConfig({
	plugins: [tailwindcss(), remix(remixConfig)],
	build: {
		// Hashed file names let the server cache them for a year.
		assetsDir: 'assets',
		cssMinify: true,
	},
	server: {
		// The Express server embeds Vite in middleware mode; keep HMR local.
		host: '127.0.0.1',
	},
})
