import { beforeEach, describe, expect, it } from 'vitest';
import { logInThrottled } from '../accounts/accounts';
import { resetForgottenPasswordThrottled } from '../accounts/password-reset';
import { hashPassword } from '../auth/password';
import { createSession, validateSessionToken } from '../auth/session';
import { generateJoinCode } from '../cohorts/join-code';
import type { Db } from '../db/client';
import { listAuditAboutStudent } from '../db/repositories/audit';
import { createCohort } from '../db/repositories/cohorts';
import { createUser, findUserById } from '../db/repositories/users';
import { cohorts } from '../db/schema';
import { freshTestDatabase } from '../test-database';
import {
	ACCOUNTS_LISTED,
	accountForAdmin,
	changeRoleAudited,
	findAccounts,
	issueResetAsAdmin,
	setDisabledAudited,
	type Admin
} from './accounts';

let db: Db;
const admin: Admin = { id: 'a1', identifier: 'admin.region', role: 'admin' };
const PASSWORD = 'une phrase bien longue';

beforeEach(async () => {
	db = await freshTestDatabase();
	const hash = await hashPassword(PASSWORD);
	const accounts = [
		['a1', 'admin.region', 'admin'],
		['c1', 'mme.conseil', 'counsellor'],
		['e1', 'lea_2nde', 'student'],
		['e2', 'sam%_eleve', 'student']
	] as const;
	for (const [id, identifier, role] of accounts)
		await createUser(db, { id, identifier, passwordHash: hash, birthYear: 2008, role });
	await createCohort(db, { id: 'k1', counsellorId: 'c1', name: '2nde B', groupLabel: '' }, generateJoinCode);
});

const context = { ip: '203.0.113.9' };

describe('the accounts back-office', () => {
	it('finds accounts by part of the identifier, role and state, taking % and _ as letters', async () => {
		const identifiers = async (filter: Partial<Parameters<typeof findAccounts>[0]>) =>
			(await findAccounts({ q: '', role: null, state: null, ...filter })).accounts
				.map((a) => a.identifier)
				.sort();
		expect(await identifiers({ q: 'CONSEIL' })).toEqual(['mme.conseil']);
		expect(await identifiers({ q: '%_' })).toEqual(['sam%_eleve']);
		expect(await identifiers({ q: '_' })).toEqual(['lea_2nde', 'sam%_eleve']);
		expect(await identifiers({ role: 'student' })).toEqual(['lea_2nde', 'sam%_eleve']);
		await setDisabledAudited(admin, 'e1', true);
		expect(await identifiers({ state: 'disabled' })).toEqual(['lea_2nde']);
		expect(await identifiers({ state: 'active', role: 'student' })).toEqual(['sam%_eleve']);
		// What an administrator reads: no hash, no key.
		const [found] = (await findAccounts({ q: 'lea', role: null, state: null })).accounts;
		expect(Object.keys(found!).sort()).toEqual(
			['createdAt', 'disabledAt', 'id', 'identifier', 'lastActiveAt', 'role', 'secondFactorOn'].sort()
		);
	});

	it('lists 50 accounts at most, and says when there are more', async () => {
		const hash = await hashPassword(PASSWORD);
		const add = async (n: number) =>
			createUser(db, { id: `x${n}`, identifier: `eleve${n}`, passwordHash: hash, birthYear: 2009 });
		for (let n = 0; n < ACCOUNTS_LISTED - 4; n += 1) await add(n);
		const all = { q: '', role: null, state: null };
		expect(await findAccounts(all)).toMatchObject({ more: false });
		expect((await findAccounts(all)).accounts).toHaveLength(ACCOUNTS_LISTED);
		await add(ACCOUNTS_LISTED);
		expect(await findAccounts(all)).toMatchObject({ more: true });
		expect((await findAccounts(all)).accounts).toHaveLength(ACCOUNTS_LISTED);
	});

	it('keeps « last active » from log-ins', async () => {
		expect((await accountForAdmin('e1'))!.account.lastActiveAt).toBeNull();
		await logInThrottled({ identifier: 'lea_2nde', password: PASSWORD }, context);
		expect((await accountForAdmin('e1'))!.account.lastActiveAt).toBeInstanceOf(Date);
	});

	it('disables an account: its sessions end, it cannot log in; enabled again, it can; both in its trail', async () => {
		const student = (await findUserById(db, 'e1'))!;
		const { token } = await createSession(db, student);
		expect(await setDisabledAudited(admin, 'e1', true)).toEqual({ ok: true });
		expect(await validateSessionToken(db, token)).toBeNull();
		expect(await logInThrottled({ identifier: 'lea_2nde', password: PASSWORD }, context)).toMatchObject({
			ok: false,
			status: 403
		});
		// A wrong password says what it always says: the account's state is for whoever knows the password.
		expect(await logInThrottled({ identifier: 'lea_2nde', password: 'pas le bon' }, context)).toMatchObject({
			ok: false,
			status: 400
		});
		expect(await setDisabledAudited(admin, 'e1', false)).toEqual({ ok: true });
		expect(await logInThrottled({ identifier: 'lea_2nde', password: PASSWORD }, context)).toMatchObject({
			ok: true
		});
		const trail = (await listAuditAboutStudent(db, 'e1')).map((row) => [row.action, row.counsellor]);
		expect(trail).toEqual([
			['account_enabled', 'admin.region'],
			['account_disabled', 'admin.region']
		]);
	});

	it('changes a role: sessions end, a departing counsellor’s open cohorts are archived, new staff give a second factor', async () => {
		const counsellor = (await findUserById(db, 'c1'))!;
		const { token } = await createSession(db, counsellor);
		expect((await accountForAdmin('c1'))!.openCohorts).toBe(1);
		expect(await changeRoleAudited(admin, 'c1', 'student')).toEqual({ ok: true });
		expect(await validateSessionToken(db, token)).toBeNull();
		const [cohort] = await db.select().from(cohorts);
		expect(cohort!.archivedAt).toBeInstanceOf(Date);
		expect((await findUserById(db, 'c1'))!.role).toBe('student');

		expect(await changeRoleAudited(admin, 'e1', 'counsellor')).toEqual({ ok: true });
		const promoted = await logInThrottled({ identifier: 'lea_2nde', password: PASSWORD }, context);
		expect(promoted.ok && (await validateSessionToken(db, promoted.token))?.complete).toBe(false);
		expect((await listAuditAboutStudent(db, 'e1')).map((row) => row.action)).toEqual(['role_changed']);
		// The same role again changes nothing and writes nothing.
		expect(await changeRoleAudited(admin, 'e1', 'counsellor')).toEqual({ ok: true });
		expect(await listAuditAboutStudent(db, 'e1')).toHaveLength(1);
	});

	it('makes a reset code for any account, which works with the identifier', async () => {
		const issued = await issueResetAsAdmin(admin, 'c1');
		expect(issued.ok).toBe(true);
		const code = issued.ok ? issued.code : '';
		expect(
			await resetForgottenPasswordThrottled({
				identifier: 'mme.conseil',
				code,
				newPassword: 'un tout nouveau secret'
			})
		).toEqual({ ok: true });
		expect((await listAuditAboutStudent(db, 'c1')).map((row) => row.action)).toEqual([
			'password_reset_used',
			'password_reset_issued'
		]);
	});

	it('keeps a reset code unused while the account is disabled; it works once enabled again', async () => {
		const issued = await issueResetAsAdmin(admin, 'e1');
		const code = issued.ok ? issued.code : '';
		await setDisabledAudited(admin, 'e1', true);
		const reset = () =>
			resetForgottenPasswordThrottled({
				identifier: 'lea_2nde',
				code,
				newPassword: 'un tout nouveau secret'
			});
		expect(await reset()).toMatchObject({ ok: false, status: 400 });
		expect(await logInThrottled({ identifier: 'lea_2nde', password: PASSWORD }, context)).toMatchObject({
			status: 403
		});
		await setDisabledAudited(admin, 'e1', false);
		expect(await reset()).toEqual({ ok: true });
	});

	it('refuses to act on the administrator’s own account, or on one that does not exist, and changes nothing', async () => {
		for (const outcome of [
			await changeRoleAudited(admin, 'a1', 'student'),
			await setDisabledAudited(admin, 'a1', true),
			await issueResetAsAdmin(admin, 'a1')
		])
			expect(outcome).toMatchObject({ ok: false, status: 400 });
		for (const outcome of [
			await changeRoleAudited(admin, 'personne', 'counsellor'),
			await setDisabledAudited(admin, 'personne', true),
			await issueResetAsAdmin(admin, 'personne')
		])
			expect(outcome).toMatchObject({ ok: false, status: 404 });
		const self = (await findUserById(db, 'a1'))!;
		expect(self.role).toBe('admin');
		expect(self.disabledAt).toBeNull();
		expect(await listAuditAboutStudent(db, 'a1')).toEqual([]);
	});
});
