import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// `npm run build` (scripts/build.js) builds into a new folder each time, then points `build` at it.
		adapter: adapter({ out: process.env.BOUSSOLE_BUILD_DIR ?? 'build', precompress: true }),
		// SvelteKit hashes its own inline scripts into the policy: no per-request nonce, so that a public page
		// rendered once can be served again as it was (src/lib/server/render-cache.ts).
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'base-uri': ['self'],
				'object-src': ['none'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
