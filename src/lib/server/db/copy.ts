import { count, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Connection } from './client';
import * as postgresSchema from './schema.postgres';
import * as sqliteSchema from './schema.sqlite';

/**
 * Every table, parents before children, as a copy must insert them (foreign keys). A table missing here would
 * be left behind by `db:copy`: the test compares every table of the schema with this list.
 */
export const TABLES_IN_ORDER = [
	'families',
	'careers',
	'careerVectors',
	'questions',
	'questionLoadings',
	'trainings',
	'trainingCareers',
	'sources',
	'users',
	'catalogueVersions',
	'catalogueDrafts',
	'recoveryCodes',
	'passwordResets',
	'sessions',
	'dismissals',
	'quizAttempts',
	'attemptAnswers',
	'results',
	'cohorts',
	'cohortMembers',
	'counsellorNotes',
	'auditLog',
	'throttles'
] as const satisfies readonly (keyof typeof sqliteSchema)[];

/** Rows per insert: far below PostgreSQL's limit on bound parameters for the widest table. */
const CHUNK = 200;

/**
 * Copies a SQLite database into an empty PostgreSQL one, table by table, in one transaction on the target:
 * either everything arrives or nothing does. Both are migrated first. Returns the rows copied per table.
 */
export async function copySqliteToPostgres(
	source: Connection,
	target: Connection
): Promise<Record<string, number>> {
	if (source.dialect !== 'sqlite' || target.dialect !== 'postgres')
		throw new Error('db:copy copies a SQLite database into a PostgreSQL one.');
	await source.exclusively(() => source.migrate());
	await target.exclusively(() => target.migrate());
	const [{ people }] = (await target.db.select({ people: count() }).from(postgresSchema.users)) as [
		{ people: number }
	];
	const [{ versions }] = (await target.db
		.select({ versions: count() })
		.from(postgresSchema.catalogueVersions)) as [{ versions: number }];
	if (people > 0 || versions > 0)
		throw new Error('The PostgreSQL database is not empty: db:copy only fills a new database.');

	const copied: Record<string, number> = {};
	await target.db.transaction(async (tx) => {
		for (const name of TABLES_IN_ORDER) {
			const rows = await source.db.select().from(sqliteSchema[name]);
			for (let i = 0; i < rows.length; i += CHUNK)
				await tx.insert(postgresSchema[name]).values(rows.slice(i, i + CHUNK) as never);
			copied[name] = rows.length;
		}
		// The audit log's numbers were given by SQLite: PostgreSQL's identity continues after the highest.
		await (tx as unknown as PgDatabase<PgQueryResultHKT>).execute(
			sql`select setval(pg_get_serial_sequence('audit_log', 'id'), coalesce((select max(id) from audit_log), 0) + 1, false)`
		);
	});
	return copied;
}
