import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'build',
			'build-*/',
			'.svelte-kit/',
			'src/lib/paraglide/',
			'drizzle/',
			'test-results/',
			'playwright-report/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// TypeScript already reports undefined names, with types.
			'no-undef': 'off',
			// Boussole is served at the root (no kit.paths.base), so resolve() would add nothing to plain links.
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
		}
	},
	{
		// The layers (README, « Architecture »): routes call services, never the database.
		files: ['src/routes/**/*.ts', 'src/routes/**/*.svelte'],
		ignores: ['src/routes/**/*.test.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$lib/server/db', '$lib/server/db/**'],
							message: 'Routes call a service in $lib/server/<domain>/, never the database.'
						}
					]
				}
			]
		}
	},
	{
		// The engine is pure: plain data in, plain data out, the same in the server, the tests and the scripts.
		files: ['src/lib/engine/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['svelte', 'svelte/**', '$app/**', '$env/**', '**/paraglide/**', '**/server/**'],
							message: 'The engine imports no Svelte, no paraglide and no server code.'
						}
					]
				}
			]
		}
	},
	{
		// Repositories run on every engine drizzle drives asynchronously: queries are awaited, never run with
		// better-sqlite3's synchronous `.get()`, `.all()` or `.run()`.
		files: ['src/lib/server/**/*.ts'],
		// client.ts is where each engine's own driver is used directly (SQLite migrations).
		ignores: ['src/lib/server/**/*.test.ts', 'src/lib/server/db/client.ts'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{
					selector: 'CallExpression[arguments.length=0][callee.property.name=/^(get|all|run)$/]',
					message: 'Await the query instead (it works on SQLite and PostgreSQL alike).'
				}
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	}
);
