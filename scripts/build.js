// `npm run build`: builds into a new folder (build-<time>), then points `build` at it in one rename. A server
// running from the previous build keeps every file it serves (it resolved its folder when it started), so a
// rebuild never pulls assets from under it. The two newest builds are kept.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';

const folder = `build-${new Date().toISOString().replace(/[-:.TZ]/g, '')}`;
const vite = spawnSync('npx', ['vite', 'build'], {
	stdio: 'inherit',
	env: { ...process.env, BOUSSOLE_BUILD_DIR: folder }
});
if (vite.status !== 0) process.exit(vite.status ?? 1);

// A `build` folder from before builds were switched: moved aside, removed with the old builds below.
if (existsSync('build') && !lstatSync('build').isSymbolicLink()) renameSync('build', `build-0-${Date.now()}`);
symlinkSync(folder, 'build.next');
renameSync('build.next', 'build');

const current = readlinkSync('build');
const builds = readdirSync('.')
	.filter((name) => /^build-\d/.test(name))
	.sort()
	.reverse();
for (const old of builds.slice(2)) if (old !== current) rmSync(old, { recursive: true, force: true });
console.info(`build: ${folder} is now \`build\``);
