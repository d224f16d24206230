import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'boussole-cli-'));
const databasePath = join(dir, 'cli.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function userCreate(args: string[], password: string) {
	return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/user-create.ts', ...args], {
		input: `${password}\n`,
		env: { ...process.env, DATABASE_URL: databasePath },
		encoding: 'utf8'
	});
}

describe('npm run user:create', () => {
	it('creates a user of the given role, with the password read from standard input', () => {
		const run = userCreate(
			['--role', 'admin', '--identifier', 'Admin@Exemple.fr'],
			'une phrase de passe solide'
		);
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		const db = new Database(databasePath, { readonly: true });
		const row = db
			.prepare('select role, password_hash from users where identifier = ?')
			.get('admin@exemple.fr') as {
			role: string;
			password_hash: string;
		};
		db.close();
		expect(row.role).toBe('admin');
		expect(row.password_hash).toMatch(/^\$argon2id\$/);
	}, 20_000);

	it('refuses a bad role, a common password and an existing identifier, changing nothing', () => {
		expect(
			userCreate(['--role', 'root', '--identifier', 'x@exemple.fr'], 'une phrase de passe solide').status
		).toBe(1);
		const common = userCreate(['--role', 'counsellor', '--identifier', 'c@exemple.fr'], 'motdepasse');
		expect(common.status).toBe(1);
		expect(common.stderr).toContain('password refused: common');
		const again = userCreate(['--identifier', 'admin@exemple.fr'], 'une autre phrase de passe');
		expect(again.status).toBe(1);
		expect(again.stderr).toContain('already exists');
	}, 20_000);
});
