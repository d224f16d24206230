import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;

export const DEFAULT_DATABASE_PATH = 'data/boussole.db';
export const MIGRATIONS_FOLDER = 'drizzle';

/** Accepts a plain path or a `file:` URL; `:memory:` gives a throwaway database (tests). */
export function databasePathFrom(url: string | undefined): string {
	const value = url?.trim() || DEFAULT_DATABASE_PATH;
	return value.startsWith('file:') ? value.slice('file:'.length) : value;
}

/**
 * Opens the SQLite file with the settings every connection needs (pragmas are per connection):
 * - WAL: readers never block the writer, and a killed process leaves a consistent file;
 * - synchronous=FULL: a commit is on disk before we answer, so an accepted answer survives even a power
 *   loss (NORMAL would only survive a process crash); writes here are small and rare, so the fsync is cheap;
 * - foreign_keys=ON, which SQLite leaves off by default;
 * - busy_timeout: a second writer waits instead of failing at once with SQLITE_BUSY.
 */
export function openDatabase(path: string): { db: Db; sqlite: Database.Database } {
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	const sqlite = new Database(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	return { db: drizzle(sqlite, { schema, casing: 'snake_case' }), sqlite };
}

export function migrateDatabase(db: Db, migrationsFolder = MIGRATIONS_FOLDER): void {
	migrate(db, { migrationsFolder });
}
