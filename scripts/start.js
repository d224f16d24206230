// `npm start`: build when the build is missing or older than the sources, bring the database up to date
// (`npm run db:migrate`: migrations, catalogue, demo accounts), then serve the build (server.js).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUILD_ENTRY = 'build/handler.js';
const SOURCES = [
	'src',
	'static',
	'messages',
	'project.inlang/settings.json',
	'package.json',
	'svelte.config.js',
	'vite.config.ts'
];

function newestChange(path) {
	if (!existsSync(path)) return 0;
	const stats = statSync(path);
	if (!stats.isDirectory()) return stats.mtimeMs;
	return readdirSync(path)
		.filter((name) => name !== 'paraglide')
		.reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stats.mtimeMs);
}

if (existsSync('.env')) process.loadEnvFile('.env');

const stale =
	!existsSync(BUILD_ENTRY) || Math.max(...SOURCES.map(newestChange)) > statSync(BUILD_ENTRY).mtimeMs;
if (stale) {
	console.info('Boussole: building the app…');
	const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
	if (build.status !== 0) process.exit(build.status ?? 1);
}

process.env.PORT ??= '3000';
// `npm start` is the local try-out: it adds the demo accounts the README lists. Deployments run `node build`.
process.env.BOUSSOLE_DEMO ??= '1';
const migrate = spawnSync('npm', ['run', '--silent', 'db:migrate'], { stdio: 'inherit' });
if (migrate.status !== 0) process.exit(migrate.status ?? 1);
// adapter-node assumes https when it does not know its origin, and SvelteKit's CSRF check would then refuse
// every form posted to http://localhost. Behind a proxy, set ORIGIN to the public address instead.
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
console.info(`Boussole: ${process.env.ORIGIN}`);
await import('../server.js');
