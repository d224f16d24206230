import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The column types of Boussole's tables on SQLite. `tables.ts` defines every table once with these; the
 * PostgreSQL kit (`postgres-columns.ts`) gives the same names PostgreSQL's types. What differs between the two
 * engines' table definitions is here and there, and nowhere else.
 */
export const sqliteColumns = {
	table: sqliteTable,
	text,
	integer,
	real,
	index,
	uniqueIndex,
	primaryKey,
	boolean: (name: string) => integer(name, { mode: 'boolean' }),
	/** Milliseconds since 1970 in an integer; a Date in JavaScript. */
	timestamp: (name: string) => integer(name, { mode: 'timestamp_ms' }),
	/** JSON text; the value in JavaScript. */
	json: <T>(name: string) => text(name, { mode: 'json' }).$type<T>(),
	/** An integer key the database numbers itself. */
	serial: (name: string) => integer(name).primaryKey({ autoIncrement: true }),
	/** The moment of the insert, as a column default. */
	now: sql`(unixepoch() * 1000)`
};

export type Columns = typeof sqliteColumns;
