import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';

/**
 * What repositories are written against: every query is awaited (never `.get()`, `.all()` or `.run()`),
 * what changed is counted with `.returning()`, and `db.transaction(async (tx) => …)` is async. Written so,
 * the same repository runs on any engine drizzle drives asynchronously.
 */
export type Db = BaseSQLiteDatabase<'async', unknown, typeof schema>;

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
	const db = drizzle(sqlite, { schema, casing: 'snake_case' });
	Object.defineProperty(db, 'transaction', { value: serialTransactions(db, sqlite) });
	return { db: db as unknown as Db, sqlite };
}

/**
 * Transactions for the one SQLite connection. better-sqlite3's own commit at the first `await`, and the
 * repositories are async, so the handle gets these instead: `BEGIN IMMEDIATE` (the write lock is taken at the
 * start, so two read-then-write transactions never interleave), the work, `COMMIT` — one transaction at a
 * time, in the order asked. Every statement on this connection runs synchronously, so a transaction that
 * awaits only its own statements runs from BEGIN to COMMIT without letting another request in. One that
 * awaits anything else (a hash, a file, a timer) would hold the lock across it: it is rolled back with an
 * error, so that such code is caught by the tests. Transactions do not nest.
 */
function serialTransactions(db: object, sqlite: Database.Database) {
	let queue: Promise<unknown> = Promise.resolve();
	return <T>(work: (tx: Db) => Promise<T>): Promise<T> => {
		const run = async (): Promise<T> => {
			let yielded = false;
			const watch = setImmediate(() => (yielded = true));
			sqlite.exec('BEGIN IMMEDIATE');
			try {
				const result = await work(db as Db);
				if (yielded) throw new Error('A SQLite transaction awaited something other than its own queries.');
				sqlite.exec('COMMIT');
				return result;
			} catch (error) {
				if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
				throw error;
			} finally {
				clearImmediate(watch);
			}
		};
		const result = queue.then(run, run);
		queue = result.catch(() => undefined);
		return result;
	};
}

export async function migrateDatabase(db: Db, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
	migrate(db as unknown as Parameters<typeof migrate>[0], { migrationsFolder });
}
