import { beforeEach, describe, expect, it } from 'vitest';
import { createSession, validateSessionToken } from '../auth/session';
import { hashPassword, verifyPassword } from '../auth/password';
import { generateJoinCode } from '../cohorts/join-code';
import type { Db } from '../db/client';
import { listAuditAboutStudent } from '../db/repositories/audit';
import { createCohort, joinCohort, updateCounsellorCohort } from '../db/repositories/cohorts';
import { deleteExpiredPasswordResets, findLivePasswordReset } from '../db/repositories/password-resets';
import { createUser, findUserById, findUserCredentials } from '../db/repositories/users';
import { passwordResets } from '../db/schema';
import { freshTestDatabase } from '../test-database';
import {
	issuePasswordResetAudited,
	PASSWORD_RESET_LIFETIME_MS,
	resetForgottenPasswordThrottled
} from './password-reset';

let db: Db;
const counsellor = { id: 'c1', identifier: 'mme.conseil' };
const stranger = { id: 'c2', identifier: 'autre.conseil' };

beforeEach(async () => {
	db = await freshTestDatabase();
	const oldHash = await hashPassword('ancien-mot-de-passe');
	for (const [id, role] of [
		['c1', 'counsellor'],
		['c2', 'counsellor'],
		['eleve', 'student'],
		['autre-eleve', 'student']
	] as const)
		await createUser(db, { id, identifier: id, passwordHash: oldHash, birthYear: 2009, role });
	await createCohort(db, { id: 'k1', counsellorId: 'c1', name: '2nde B', groupLabel: '' }, generateJoinCode);
	await joinCohort(db, 'k1', 'eleve');
});

const newPassword = 'un-nouveau-secret';

describe('assisted password reset', () => {
	it('lets a student choose a new password once with the code their counsellor made, ending every session', async () => {
		const student = (await findUserById(db, 'eleve'))!;
		const { token } = await createSession(db, student);
		const issued = await issuePasswordResetAudited(counsellor, 'eleve');
		expect(issued?.code).toMatch(/^[A-Z2-7]{5}-[A-Z2-7]{5}$/);
		expect(issued!.expiresAt.getTime() - Date.now()).toBeGreaterThan(PASSWORD_RESET_LIFETIME_MS - 60_000);
		const stored = await db.select().from(passwordResets);
		expect(JSON.stringify(stored)).not.toContain(issued!.code.replace('-', ''));

		const typed = issued!.code.toLowerCase().replace('-', ' ');
		expect(await resetForgottenPasswordThrottled({ identifier: 'ELEVE', code: typed, newPassword })).toEqual({
			ok: true
		});
		const credentials = (await findUserCredentials(db, 'eleve'))!;
		expect(await verifyPassword(credentials.passwordHash, newPassword)).toBe(true);
		expect(await validateSessionToken(db, token)).toBeNull();
		expect(await findLivePasswordReset(db, 'eleve')).toBeNull();

		expect(
			await resetForgottenPasswordThrottled({
				identifier: 'eleve',
				code: issued!.code,
				newPassword: 'encore-un-autre'
			})
		).toMatchObject({ ok: false, status: 400 });
		expect(await verifyPassword((await findUserCredentials(db, 'eleve'))!.passwordHash, newPassword)).toBe(
			true
		);

		const trail = await listAuditAboutStudent(db, 'eleve');
		expect(trail.map((row) => [row.action, row.counsellor])).toEqual([
			['password_reset_used', 'eleve'],
			['password_reset_issued', 'mme.conseil']
		]);
	});

	it('is made only for a student in one of the counsellor’s open cohorts', async () => {
		expect(await issuePasswordResetAudited(stranger, 'eleve')).toBeNull();
		expect(await issuePasswordResetAudited(counsellor, 'autre-eleve')).toBeNull();
		expect(await issuePasswordResetAudited(counsellor, 'c2')).toBeNull();
		await updateCounsellorCohort(db, 'k1', 'c1', { archivedAt: new Date() });
		expect(await issuePasswordResetAudited(counsellor, 'eleve')).toBeNull();
		expect(await db.select().from(passwordResets)).toEqual([]);
		expect(await listAuditAboutStudent(db, 'eleve')).toEqual([]);
	});

	it('refuses a code of another account, an older code, and an expired one, changing nothing', async () => {
		const first = await issuePasswordResetAudited(counsellor, 'eleve');
		const second = await issuePasswordResetAudited(counsellor, 'eleve');
		const refused = { ok: false, status: 400, errors: { code: expect.any(String) } };
		expect(
			await resetForgottenPasswordThrottled({ identifier: 'autre-eleve', code: second!.code, newPassword })
		).toMatchObject(refused);
		expect(
			await resetForgottenPasswordThrottled({ identifier: 'eleve', code: first!.code, newPassword })
		).toMatchObject(refused);
		const tomorrow = new Date(Date.now() + PASSWORD_RESET_LIFETIME_MS + 1000);
		expect(
			await resetForgottenPasswordThrottled(
				{ identifier: 'eleve', code: second!.code, newPassword },
				tomorrow
			)
		).toMatchObject(refused);
		expect(await deleteExpiredPasswordResets(db)).toBe(0);
		expect(await deleteExpiredPasswordResets(db, tomorrow)).toBe(1);
		for (const id of ['eleve', 'autre-eleve'])
			expect(
				await verifyPassword((await findUserCredentials(db, id))!.passwordHash, 'ancien-mot-de-passe')
			).toBe(true);
	});

	it('is throttled per identifier: after five wrong codes, even the right one waits', async () => {
		const issued = await issuePasswordResetAudited(counsellor, 'eleve');
		for (let i = 0; i < 5; i += 1)
			await resetForgottenPasswordThrottled({ identifier: 'eleve', code: 'AAAAA-AAAAA', newPassword });
		expect(
			await resetForgottenPasswordThrottled({ identifier: 'eleve', code: issued!.code, newPassword })
		).toMatchObject({ ok: false, status: 429 });
		expect(await findLivePasswordReset(db, 'eleve')).not.toBeNull();
	});
});
