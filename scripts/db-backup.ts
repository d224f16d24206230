// `npm run db:backup -- <file>`: a consistent copy of the database of DATABASE_URL, taken while the app runs.
// SQLite: the online backup API (a page-by-page copy that sees one state of the file). PostgreSQL: pg_dump in
// its custom format. Restore with `npm run db:restore -- <file>` (docs/deploy.md).
import { spawnSync } from 'node:child_process';
import { databasePathFrom, openSqlite } from '../src/lib/server/db/client';
import { dialectOf } from '../src/lib/server/db/dialect';
import { postgresTool } from './postgres-tools';

const file = process.argv[2];
if (!file) {
	console.error('db:backup: usage: npm run db:backup -- <file>');
	process.exit(2);
}
const url = process.env.DATABASE_URL;
if (dialectOf(url) === 'postgres') {
	const dump = spawnSync(postgresTool('pg_dump'), ['--format=custom', `--file=${file}`, url!], {
		stdio: 'inherit'
	});
	process.exitCode = dump.status ?? 1;
} else {
	const { sqlite } = openSqlite(databasePathFrom(url));
	try {
		await sqlite.backup(file);
	} finally {
		sqlite.close();
	}
}
if (!process.exitCode) console.info(`db:backup: ${file} written`);
