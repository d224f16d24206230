// A private PostgreSQL cluster for tests and benchmarks: created with `initdb` in a temporary folder, listening on
// loopback on a free port, removed by `stop()`. Runs as the `postgres` user when this process is root (initdb
// refuses root), as the current user otherwise. Used by `npm test` (scripts/test.js) and `npm run bench`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The newest PostgreSQL binaries on this machine (Debian's layout), or null when there are none. */
export function findPostgresBin() {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return null;
	const versions = readdirSync(root)
		.filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length > 0 ? join(root, versions[0], 'bin') : null;
}

export function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL tool as the user that owns the cluster. */
function run(bin, tool, args, options = {}) {
	const command = join(bin, tool);
	const result = asRoot
		? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8', ...options })
		: spawnSync(command, args, { encoding: 'utf8', ...options });
	if (result.status !== 0)
		throw new Error(`${tool} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
	return result.stdout;
}

/**
 * Starts a cluster; returns its admin URL (`postgres://postgres@127.0.0.1:<port>/postgres`), a function
 * that creates a database and returns its URL, and `stop()`.
 */
export async function startCluster() {
	const bin = findPostgresBin();
	if (!bin) throw new Error('No PostgreSQL binaries under /usr/lib/postgresql (apt-get install postgresql).');
	const dir = mkdtempSync(join(tmpdir(), 'boussole-pg-'));
	if (asRoot) {
		const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
		const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
		chownSync(dir, uid, gid);
	}
	const data = join(dir, 'data');
	const port = await freePort();
	run(bin, 'initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8'], {
		stdio: 'pipe'
	});
	run(bin, 'pg_ctl', [
		'-D',
		data,
		'-l',
		join(dir, 'postgres.log'),
		'-w',
		'-o',
		// Tests want speed, not durability: a killed test cluster is thrown away anyway.
		`-p ${port} -h 127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
		'start'
	]);
	const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
	return {
		admin,
		port,
		bin,
		createDatabase(name) {
			run(bin, 'psql', [
				'-h',
				'127.0.0.1',
				'-p',
				String(port),
				'-U',
				'postgres',
				'-c',
				`create database "${name}"`
			]);
			return `postgres://postgres@127.0.0.1:${port}/${name}`;
		},
		stop() {
			try {
				run(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		}
	};
}
