import { closeDb, getDb, type Db } from './db';
import { prepareDatabase } from './startup';

/**
 * For unit tests of services: a fresh database, migrated and seeded with the catalogue, that the app's
 * `getDb()` now returns. Each call forgets the previous one.
 */
export async function freshTestDatabase(): Promise<Db> {
	await closeDb();
	process.env.DATABASE_URL = ':memory:';
	const db = getDb();
	await prepareDatabase(db);
	return db;
}
