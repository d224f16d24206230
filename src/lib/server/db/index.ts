import { building } from '$app/environment';
import { databasePathFrom, openDatabase, type Db } from './client';

export type { Db } from './client';

let connection: { db: Db; close: () => void } | undefined;

/**
 * The app's database, opened on first use from `DATABASE_URL`. Never at build time: SvelteKit imports
 * server modules while it analyses the build, and that must not create a database file.
 */
export function getDb(): Db {
	if (building) throw new Error('The database is not available while building.');
	if (!connection) {
		const { db, sqlite } = openDatabase(databasePathFrom(process.env.DATABASE_URL));
		connection = { db, close: () => sqlite.close() };
	}
	return connection.db;
}

/** Closes the database (at shutdown, and between tests); the next `getDb()` opens it again. */
export async function closeDb(): Promise<void> {
	connection?.close();
	connection = undefined;
}
