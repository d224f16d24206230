import { building } from '$app/environment';
import { env } from '$env/dynamic/private';
import { databasePathFrom, openDatabase, type Db } from './client';

let connection: Db | undefined;

/**
 * The app's one connection, opened on first use. Never at build time: SvelteKit imports server modules
 * while it analyses the build, and that must not create a database file.
 */
export function getDb(): Db {
	if (building) throw new Error('The database is not available while building.');
	connection ??= openDatabase(databasePathFrom(env.DATABASE_URL)).db;
	return connection;
}
