import Database from 'better-sqlite3';
import { getTableName, type Table } from 'drizzle-orm';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { dialectOf } from '../../src/lib/server/db/dialect';
import { TABLES_IN_ORDER } from '../../src/lib/server/db/copy';
import * as sqliteSchema from '../../src/lib/server/db/schema.sqlite';

/**
 * The database commands, run as an operator runs them (`npm run db:…`), on the engine of this pass: SQLite
 * by default, PostgreSQL when `npm test` gives a `postgres://` DATABASE_URL (each test makes a database of
 * its own next to it).
 */
const base = process.env.DATABASE_URL;
const onPostgres = dialectOf(base) === 'postgres';
const dir = mkdtempSync(join(tmpdir(), 'boussole-tools-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let databases = 0;
async function newDatabase(): Promise<string> {
	databases += 1;
	if (!onPostgres) return join(dir, `tools-${databases}.db`);
	const url = new URL(base!);
	const name = `${url.pathname.slice(1)}_tools_${process.pid}_${databases}`;
	await sql(base!, `drop database if exists "${name}" with (force)`);
	await sql(base!, `create database "${name}"`);
	url.pathname = `/${name}`;
	return url.toString();
}

async function sql<T = Record<string, unknown>>(
	url: string,
	text: string,
	params: unknown[] = []
): Promise<T[]> {
	if (dialectOf(url) === 'sqlite') {
		const db = new Database(url);
		try {
			const statement = db.prepare(text);
			return (statement.reader ? statement.all(...params) : (statement.run(...params), [])) as T[];
		} finally {
			db.close();
		}
	}
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		return (await client.query(text, params)).rows as T[];
	} finally {
		await client.end();
	}
}

function script(name: string, args: string[], env: Record<string, string>, input?: string) {
	return spawnSync(process.execPath, ['--import', 'tsx', `scripts/${name}.ts`, ...args], {
		env: { ...process.env, BOUSSOLE_DEMO: '', ...env },
		input,
		encoding: 'utf8'
	});
}

function scriptAsync(
	name: string,
	env: Record<string, string>
): Promise<{ status: number | null; output: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${name}.ts`], {
			env: { ...process.env, BOUSSOLE_DEMO: '', ...env }
		});
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('close', (status) => resolve({ status, output }));
	});
}

const count = async (url: string, table: string) =>
	Number((await sql<{ n: number }>(url, `select count(*) as n from ${table}`))[0]!.n);

describe(`database commands (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
	it('db:migrate run twice at once leaves one consistent schema and one catalogue', async () => {
		const url = await newDatabase();
		const runs = await Promise.all([
			scriptAsync('db-migrate', { DATABASE_URL: url }),
			scriptAsync('db-migrate', { DATABASE_URL: url })
		]);
		for (const run of runs) expect(run.status, run.output).toBe(0);
		expect(await count(url, 'catalogue_versions')).toBe(1);
		const migrations = onPostgres ? 'drizzle.__drizzle_migrations' : '__drizzle_migrations';
		const applied = await sql<{ hash: string }>(url, `select hash from ${migrations}`);
		expect(new Set(applied.map((m) => m.hash)).size).toBe(applied.length);
		expect(await count(url, 'careers')).toBeGreaterThanOrEqual(31);
		// A third run finds nothing to do.
		const again = script('db-migrate', [], { DATABASE_URL: url });
		expect(again.status, again.stderr).toBe(0);
		expect(again.stdout).toMatch(/up to date/);
	}, 60_000);

	it('a backup taken while the database is in use is restored, undoing what came after', async () => {
		const url = await newDatabase();
		expect(script('db-migrate', [], { DATABASE_URL: url }).status).toBe(0);
		const created = script(
			'user-create',
			['--role', 'counsellor', '--identifier', 'sauvegarde@exemple.fr'],
			{ DATABASE_URL: url },
			'une phrase bien longue'
		);
		expect(created.status, created.stderr).toBe(0);
		const backup = join(dir, `backup-${databases}.dump`);
		const saved = script('db-backup', [backup], { DATABASE_URL: url });
		expect(saved.status, saved.stderr).toBe(0);

		await sql(url, `delete from users where identifier = 'sauvegarde@exemple.fr'`);
		expect(await count(url, 'users')).toBe(0);
		const restored = script('db-restore', [backup], { DATABASE_URL: url });
		expect(restored.status, restored.stderr).toBe(0);
		const users = await sql<{ identifier: string; role: string }>(url, 'select identifier, role from users');
		expect(users).toEqual([{ identifier: 'sauvegarde@exemple.fr', role: 'counsellor' }]);
	}, 60_000);

	// The copy goes to PostgreSQL: it runs in npm test's PostgreSQL pass.
	if (onPostgres)
		it('db:copy moves a SQLite deployment to PostgreSQL: accounts, results, cohorts, notes and audit rows survive', async () => {
			const source = join(dir, 'to-copy.db');
			// The demo data: accounts of every role, results, a cohort with members, a note.
			const seeded = script('db-migrate', [], { DATABASE_URL: source, BOUSSOLE_DEMO: '1' });
			expect(seeded.status, seeded.stderr).toBe(0);
			const [student] = await sql<{ id: string }>(
				source,
				`select id from users where identifier = 'eleve.demo'`
			);
			const [counsellor] = await sql<{ id: string }>(
				source,
				`select id from users where identifier = 'conseillere.demo'`
			);
			for (const action of ['student_viewed', 'cohort_exported'])
				await sql(
					source,
					`insert into audit_log (actor_id, actor_name, student_id, action, at) values (?, 'conseillere.demo', ?, ?, ?)`,
					[counsellor!.id, student!.id, action, Date.now()]
				);

			const target = await newDatabase();
			const copy = script('db-copy', ['--from', source, '--to', target], {});
			expect(copy.status, copy.stderr).toBe(0);

			// Every table of the schema is copied, row for row.
			const tableNames = Object.values(sqliteSchema).map((table) => getTableName(table as Table));
			expect(TABLES_IN_ORDER.length).toBe(tableNames.length);
			for (const table of tableNames)
				expect(await count(target, table), table).toBe(await count(source, table));
			for (const table of ['users', 'results', 'cohorts', 'cohort_members', 'counsellor_notes', 'audit_log'])
				expect(await count(target, table), table).toBeGreaterThan(0);

			// And the values themselves: people, results (JSON), notes, the audit trail, with their dates.
			const people = `select identifier, role, password_hash, created_at from users order by identifier`;
			const fromSqlite = (await sql<Record<string, unknown>>(source, people)).map((u) => ({
				...u,
				created_at: new Date(u.created_at as number).toISOString()
			}));
			const fromPostgres = (await sql<Record<string, unknown>>(target, people)).map((u) => ({
				...u,
				created_at: (u.created_at as Date).toISOString()
			}));
			expect(fromPostgres).toEqual(fromSqlite);
			const rankings = `select id, ranking from results order by id`;
			expect((await sql<{ id: string; ranking: unknown }>(target, rankings)).map((r) => r.ranking)).toEqual(
				(await sql<{ id: string; ranking: string }>(source, rankings)).map((r) => JSON.parse(r.ranking))
			);
			const notes = `select body, shared from counsellor_notes order by id`;
			expect(await sql(target, notes)).toEqual(
				(await sql<{ body: string; shared: number }>(source, notes)).map((n) => ({
					...n,
					shared: n.shared === 1
				}))
			);
			const audit = `select actor_name, action from audit_log order by id`;
			expect(await sql(target, audit)).toEqual(await sql(source, audit));
			// The audit log goes on numbering after the copied rows.
			await sql(
				target,
				`insert into audit_log (actor_name, student_id, action, at) values ('x', $1, 'student_viewed', now())`,
				[student!.id]
			);

			// A second copy into the same (now filled) database is refused, and changes nothing.
			const refused = script('db-copy', ['--from', source, '--to', target], {});
			expect(refused.status).toBe(1);
			expect(refused.stderr).toMatch(/not empty/);
		}, 90_000);
});
