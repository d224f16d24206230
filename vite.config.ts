import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		sveltekit(),
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'baseLocale']
		})
	],
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		environment: 'node',
		// Tests that touch the database take about 0.5–2.5 s each on a quiet 2-core machine (PostgreSQL is the
		// slower); a busy CI machine triples that. Vitest's default of 5 s failed there once.
		testTimeout: 20_000,
		// The security log writes to stdout: shown for a failing test, where it helps, not for the others.
		silent: 'passed-only'
	}
});
