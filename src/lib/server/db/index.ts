import { building } from '$app/environment';
import { connect, type Connection, type Db } from './client';

export type { Db } from './client';

let connection: Connection | undefined;

/**
 * The app's database, opened on first use from `DATABASE_URL` (a SQLite file by default, PostgreSQL for a
 * `postgres://` URL). Never at build time: SvelteKit imports server modules while it analyses the build, and
 * that must not create a database file.
 */
export function getConnection(): Connection {
	if (building) throw new Error('The database is not available while building.');
	connection ??= connect(process.env.DATABASE_URL);
	return connection;
}

export function getDb(): Db {
	return getConnection().db;
}

/** Closes the database (at shutdown, and between tests); the next `getDb()` opens it again. */
export async function closeDb(): Promise<void> {
	const closing = connection;
	connection = undefined;
	await closing?.close();
}
