import pg from 'pg';
import { forgetCatalogue } from './catalog';
import { closeDb, getConnection, type Db } from './db';
import { dialectOf } from './db/dialect';
import { importCatalogueIfNewer } from './db/repositories/catalogue';
import {
	attemptAnswers,
	auditLog,
	catalogueDrafts,
	catalogueVersions,
	cohortMembers,
	cohorts,
	counsellorNotes,
	dismissals,
	quizAttempts,
	recoveryCodes,
	results,
	sessions,
	throttles,
	users
} from './db/schema';
import { loadCatalogueContent } from './catalog/content';
import { prepareDatabase } from './startup';

/**
 * Databases for unit tests of repositories and services, on the engine the run names: with a PostgreSQL
 * `DATABASE_URL` (as `npm test` sets on its second pass), a database of its own per test worker, emptied
 * between tests; otherwise a fresh SQLite database in memory for each test.
 */
const base = process.env.DATABASE_URL;
let workerDatabaseReady = false;

/** Every table people's data lives in, children first. */
const PEOPLE_TABLES = [
	catalogueDrafts,
	auditLog,
	counsellorNotes,
	cohortMembers,
	cohorts,
	attemptAnswers,
	results,
	quizAttempts,
	dismissals,
	sessions,
	recoveryCodes,
	throttles,
	users
];

/** Deletes everyone's data and keeps the catalogue: cheap enough between the runs of a property test. */
export async function clearPeopleData(db: Db): Promise<void> {
	for (const table of PEOPLE_TABLES) await db.delete(table);
}

/** A database with the catalogue of `content/` and nobody in it, that the app's `getDb()` now returns. */
export async function freshTestDatabase(): Promise<Db> {
	forgetCatalogue();
	if (dialectOf(base) !== 'postgres') {
		await closeDb();
		process.env.DATABASE_URL = ':memory:';
		const connection = getConnection();
		await prepareDatabase(connection);
		return connection.db;
	}
	if (!workerDatabaseReady) {
		await closeDb();
		process.env.DATABASE_URL = await emptyWorkerDatabase(base!);
		await prepareDatabase(getConnection());
		workerDatabaseReady = true;
		return getConnection().db;
	}
	const db = getConnection().db;
	await clearPeopleData(db);
	await db.delete(catalogueVersions);
	await importCatalogueIfNewer(db, loadCatalogueContent());
	return db;
}

/** `<base>_<worker>`, created if needed and emptied: test files run in parallel, one database each. */
async function emptyWorkerDatabase(baseUrl: string): Promise<string> {
	const url = new URL(baseUrl);
	const name = `${url.pathname.slice(1)}_w${process.env.VITEST_POOL_ID ?? '0'}`;
	const admin = new pg.Client({ connectionString: baseUrl });
	await admin.connect();
	try {
		await admin.query(`drop database if exists "${name}" with (force)`);
		await admin.query(`create database "${name}"`);
	} finally {
		await admin.end();
	}
	url.pathname = `/${name}`;
	return url.toString();
}
