// `npm run db:restore -- <file>`: puts a backup of `npm run db:backup` back in place of the database of
// DATABASE_URL. Stop every app process first: what was written since the backup is lost.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { databasePathFrom, openSqlite } from '../src/lib/server/db/client';
import { dialectOf } from '../src/lib/server/db/dialect';
import { postgresTool } from './postgres-tools';

const file = process.argv[2];
if (!file || !existsSync(file)) {
	console.error('db:restore: usage: npm run db:restore -- <backup file>');
	process.exit(2);
}
const url = process.env.DATABASE_URL;
if (dialectOf(url) === 'postgres') {
	const restore = spawnSync(
		postgresTool('pg_restore'),
		['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${url}`, file],
		{ stdio: 'inherit' }
	);
	process.exitCode = restore.status ?? 1;
} else {
	const path = databasePathFrom(url);
	// The backup is a whole database: the write-ahead log of the old one must not be replayed over it.
	for (const suffix of ['-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
	copyFileSync(file, path);
	const { sqlite } = openSqlite(path);
	const check = sqlite.pragma('integrity_check', { simple: true });
	sqlite.close();
	if (check !== 'ok') {
		console.error(`db:restore: the restored file fails its integrity check: ${check}`);
		process.exitCode = 1;
	}
}
if (!process.exitCode) console.info(`db:restore: ${file} restored`);
