import Database from 'better-sqlite3';
import { is, sql } from 'drizzle-orm';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import { PgDatabase, type PgSelect } from 'drizzle-orm/pg-core';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import pg from 'pg';
import { dialectOf, type Dialect } from './dialect';
import * as postgresSchema from './schema.postgres';
import * as sqliteSchema from './schema.sqlite';

/**
 * What repositories are written against, for both engines: every query is awaited (never `.get()`, `.all()`
 * or `.run()`), what changed is counted with `.returning()`, and `db.transaction(async (tx) => …)` is async.
 * The PostgreSQL handle has the same query builders for all of that; it is given this type too.
 */
export type Db = BaseSQLiteDatabase<'async', unknown, typeof sqliteSchema>;

/** An open database: the handle repositories use, and what only start-up and tools need. */
export interface Connection {
	dialect: Dialect;
	db: Db;
	/** Applies the migrations of `drizzle/<engine>/` that this database has not had yet. */
	migrate(): Promise<void>;
	/** How many migrations of `drizzle/<engine>/` this database has not had yet. */
	pendingMigrations(): Promise<number>;
	/**
	 * Runs `work` while no other process runs start-up work on this database: PostgreSQL's advisory lock,
	 * held by a connection of its own (do not nest). On SQLite, migrations and the catalogue import each take
	 * the write lock themselves, which is enough.
	 */
	exclusively<T>(work: () => Promise<T>): Promise<T>;
	close(): Promise<void>;
}

export const DEFAULT_DATABASE_PATH = 'data/boussole.db';
export const MIGRATIONS_FOLDER = { sqlite: 'drizzle/sqlite', postgres: 'drizzle/postgres' } as const;

/** Accepts a plain path or a `file:` URL; `:memory:` gives a throwaway database (tests). */
export function databasePathFrom(url: string | undefined): string {
	const value = url?.trim() || DEFAULT_DATABASE_PATH;
	return value.startsWith('file:') ? value.slice('file:'.length) : value;
}

/** `DATABASE_URL` decides: `postgres://…` → PostgreSQL through a pool; anything else → a SQLite file. */
export function connect(url: string | undefined): Connection {
	return dialectOf(url) === 'postgres' ? openPostgres(url!) : openSqlite(databasePathFrom(url));
}

/** Read-then-write that must not race: `SELECT … FOR UPDATE` on PostgreSQL; SQLite's transactions already hold the write lock. */
export function forUpdate<Q extends object>(tx: Db, query: Q): Q {
	return is(tx, PgDatabase) ? (query as unknown as { for(strength: 'update'): Q }).for('update') : query;
}

/**
 * A read run on every request, prepared once (building a drizzle query costs several times the read): a
 * named statement on PostgreSQL, a kept statement on SQLite. Gives the first row, or null.
 */
export function preparedFirst<T>(db: Db, name: string, query: object): () => Promise<T | null> {
	if (is(db, PgDatabase)) {
		const prepared = (query as unknown as PgSelect).prepare(name);
		return async () => ((await prepared.execute()) as T[])[0] ?? null;
	}
	const prepared = (query as { prepare(): { get(): T | undefined } }).prepare();
	return async () => prepared.get() ?? null;
}

/**
 * Serialises a kind of write across processes for the rest of the transaction (`key`: any 64-bit number):
 * PostgreSQL's transaction-scoped advisory lock, where `FOR UPDATE` on the latest row is not enough because
 * the row a concurrent transaction inserts is not in the waiting one's snapshot; SQLite's transactions
 * already hold the write lock.
 */
export async function lockForTransaction(tx: Db, key: number): Promise<void> {
	if (is(tx, PgDatabase))
		await (tx as unknown as PgDatabase<never>).execute(sql`select pg_advisory_xact_lock(${key})`);
}

/**
 * Opens the SQLite file with the settings every connection needs (pragmas are per connection):
 * - WAL: readers never block the writer, and a killed process leaves a consistent file;
 * - synchronous=FULL: a commit is on disk before we answer, so an accepted answer survives even a power
 *   loss (NORMAL would only survive a process crash); writes here are small and rare, so the fsync is cheap;
 * - foreign_keys=ON, which SQLite leaves off by default;
 * - busy_timeout: a second writer (another process) waits instead of failing at once with SQLITE_BUSY.
 */
/**
 * Switching a new file to WAL needs the other connections out of the way, and SQLite may refuse at once
 * (SQLITE_BUSY) instead of calling the busy handler: seen when two processes open the same new file together.
 * So it is tried again, for as long as the busy timeout.
 */
function switchToWal(sqlite: Database.Database): void {
	const until = Date.now() + 5000;
	for (;;) {
		try {
			sqlite.pragma('journal_mode = WAL');
			return;
		} catch (error) {
			if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > until) throw error;
			// A synchronous pause: opening a connection is synchronous, and this happens once, at start-up.
			Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
		}
	}
}

export function openSqlite(path: string): Connection & { sqlite: Database.Database } {
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	const sqlite = new Database(path);
	// First: switching a new file to WAL takes a lock, which a second process starting at the same moment
	// must wait for rather than fail on.
	sqlite.pragma('busy_timeout = 5000');
	switchToWal(sqlite);
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	const db = drizzleSqlite(sqlite, { schema: sqliteSchema, casing: 'snake_case' });
	Object.defineProperty(db, 'transaction', { value: serialTransactions(db, sqlite) });
	return {
		dialect: 'sqlite',
		db: db as unknown as Db,
		sqlite,
		migrate: async () => migrateSqlite(sqlite),
		pendingMigrations: async () => {
			const table = sqlite
				.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'`)
				.get();
			const applied = table
				? (sqlite.prepare('SELECT count(*) AS n FROM "__drizzle_migrations"').get() as { n: number }).n
				: 0;
			return readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER.sqlite }).length - applied;
		},
		exclusively: (work) => work(),
		close: async () => {
			sqlite.close();
		}
	};
}

/**
 * Transactions for the one SQLite connection. better-sqlite3's own commit at the first `await`, and the
 * repositories are async, so the handle gets these instead: `BEGIN IMMEDIATE` (the write lock is taken at the
 * start, so two read-then-write transactions never interleave, in this process or another), the work,
 * `COMMIT` — one transaction at a time, in the order asked. Every statement on this connection runs
 * synchronously, so a transaction that awaits only its own statements runs from BEGIN to COMMIT without
 * letting another request in. One that awaits anything else (a hash, a file, a timer) would hold the lock
 * across it: it is rolled back with an error, so that such code is caught by the tests. They do not nest.
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

/**
 * drizzle's migrations, applied the way drizzle's SQLite migrator does (same bookkeeping table), but inside
 * `BEGIN IMMEDIATE`: a second process migrating the same file at the same moment waits for the first, then
 * finds nothing left to apply.
 */
function migrateSqlite(sqlite: Database.Database): void {
	const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER.sqlite });
	sqlite.exec('BEGIN IMMEDIATE');
	try {
		sqlite.exec(
			'CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)'
		);
		const last = sqlite
			.prepare('SELECT created_at FROM "__drizzle_migrations" ORDER BY created_at DESC LIMIT 1')
			.get() as { created_at: number } | undefined;
		const record = sqlite.prepare('INSERT INTO "__drizzle_migrations" ("hash", "created_at") VALUES (?, ?)');
		for (const migration of migrations) {
			if (last && Number(last.created_at) >= migration.folderMillis) continue;
			for (const statement of migration.sql) if (statement.trim()) sqlite.exec(statement);
			record.run(migration.hash, migration.folderMillis);
		}
		sqlite.exec('COMMIT');
	} catch (error) {
		if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
		throw error;
	}
}

/** Any 64-bit number, the same in every process: the key of Boussole's start-up lock. */
const STARTUP_LOCK = 4_242_017;

/** A pool of connections to PostgreSQL (`DATABASE_POOL_SIZE`, 10 by default, per app process). */
export function openPostgres(url: string): Connection & { pool: pg.Pool } {
	const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
	const db = drizzlePostgres(pool, { schema: postgresSchema, casing: 'snake_case' });
	const exclusively = async <T>(work: () => Promise<T>): Promise<T> => {
		const client = await pool.connect();
		try {
			await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
			try {
				return await work();
			} finally {
				await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK]);
			}
		} finally {
			client.release();
		}
	};
	return {
		dialect: 'postgres',
		db: db as unknown as Db,
		pool,
		migrate: () => migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER.postgres }),
		pendingMigrations: async () => {
			const { rows } = await pool.query<{ n: string | null }>(
				`select case when to_regclass('drizzle.__drizzle_migrations') is null then null
					else (select count(*) from drizzle.__drizzle_migrations) end as n`
			);
			const applied = Number(rows[0]?.n ?? 0);
			return readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER.postgres }).length - applied;
		},
		exclusively,
		close: () => pool.end()
	};
}
