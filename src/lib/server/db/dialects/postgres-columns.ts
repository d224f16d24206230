import { sql } from 'drizzle-orm';
import {
	boolean,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import type { Columns } from './sqlite-columns';

/**
 * The same column kit on PostgreSQL: booleans, timestamps with time zone (to the millisecond, as a JavaScript
 * Date), jsonb, identity keys. It is typed as the SQLite kit so that `tables.ts` and every repository are
 * written once: the JavaScript values are the same on both engines (string, number, boolean, Date, JSON).
 */
export const postgresColumns = {
	table: pgTable,
	text,
	integer,
	real: doublePrecision,
	index,
	uniqueIndex,
	primaryKey,
	boolean: (name: string) => boolean(name),
	timestamp: (name: string) => timestamp(name, { mode: 'date', withTimezone: true, precision: 3 }),
	json: (name: string) => jsonb(name),
	serial: (name: string) => integer(name).primaryKey().generatedByDefaultAsIdentity(),
	now: sql`now()`
} as unknown as Columns;
