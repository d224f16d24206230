// `npm run db:copy -- --from <sqlite path> --to <postgres url>`: moves an existing deployment to PostgreSQL.
// Copies every table into an empty PostgreSQL database, in one transaction (both are migrated first).
// Stop the app while it runs, so that nothing is written to the SQLite file meanwhile.
import { parseArgs } from 'node:util';
import { databasePathFrom, openPostgres, openSqlite } from '../src/lib/server/db/client';
import { copySqliteToPostgres } from '../src/lib/server/db/copy';
import { dialectOf } from '../src/lib/server/db/dialect';

const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } });
if (
	!values.from ||
	dialectOf(values.from) !== 'sqlite' ||
	!values.to ||
	dialectOf(values.to) !== 'postgres'
) {
	console.error('db:copy: usage: npm run db:copy -- --from <sqlite path> --to postgres://user@host/database');
	process.exit(2);
}

const source = openSqlite(databasePathFrom(values.from));
const target = openPostgres(values.to);
try {
	const copied = await copySqliteToPostgres(source, target);
	const total = Object.values(copied).reduce((sum, n) => sum + n, 0);
	for (const [table, rows] of Object.entries(copied)) console.info(`db:copy: ${table.padEnd(18)} ${rows}`);
	console.info(`db:copy: ${total} rows copied`);
} catch (error) {
	console.error(`db:copy: ${(error as Error).message}`);
	process.exitCode = 1;
} finally {
	await Promise.all([source.close(), target.close()]);
}
