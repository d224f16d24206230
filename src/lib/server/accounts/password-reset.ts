import { m } from '$lib/paraglide/messages';
import { checkIdentifier } from '../auth/identifier';
import { hashOneTimeCode, newOneTimeCode } from '../auth/one-time-code';
import { hashPassword } from '../auth/password';
import { clear, reserve } from '../auth/throttle';
import type { Counsellor } from '../cohorts/counsellor';
import { getDb } from '../db';
import { recordAudit } from '../db/repositories/audit';
import { counsellorCanSeeStudent } from '../db/repositories/cohorts';
import { resetPasswordWithCode, savePasswordReset } from '../db/repositories/password-resets';
import { findUserCredentials } from '../db/repositories/users';
import { logSecurityEvent } from '../security-log';
import type { Refusal } from './accounts';

/**
 * A forgotten password, for accounts with no e-mail (most students use a pseudonym): their counsellor makes a
 * one-time code and gives it by hand; with it, the student chooses a new password. The code works once, for a
 * day; only its salted hash is kept; both steps are in the student's audit trail, shown on their account page.
 */

export const PASSWORD_RESET_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * A code for a student in one of the counsellor's open cohorts (null otherwise: a 404), replacing any code
 * made before. The code is returned once, to be shown once. Writes an audit row.
 */
export async function issuePasswordResetAudited(
	counsellor: Counsellor,
	studentId: string,
	now = new Date()
): Promise<IssuedReset | null> {
	if (!(await counsellorCanSeeStudent(getDb(), counsellor.id, studentId))) return null;
	return issueReset(counsellor, studentId, now);
}

export interface IssuedReset {
	code: string;
	expiresAt: Date;
}

/**
 * A code for the account `userId`, made by `actor`, who may (the caller checked it): an administrator for
 * anyone but themselves, a counsellor for a student of theirs.
 */
export async function issueReset(
	actor: { id: string; identifier: string },
	userId: string,
	now = new Date()
): Promise<IssuedReset> {
	const db = getDb();
	const code = newOneTimeCode();
	const expiresAt = new Date(now.getTime() + PASSWORD_RESET_LIFETIME_MS);
	await savePasswordReset(db, {
		userId,
		codeHash: hashOneTimeCode(userId, code),
		issuedBy: actor.id,
		expiresAt
	});
	await recordAudit(db, [{ actor, action: 'password_reset_issued', studentId: userId }], now);
	logSecurityEvent('password_reset_issued', { userId, actorId: actor.id });
	return { code, expiresAt };
}

/**
 * The new password, given the account's identifier and its live code. Every session of the account ends (whoever
 * knew the old password is out); a second factor, if the account has one, is still asked at the next log-in.
 * Attempts are counted per identifier before the code is looked up; a wrong identifier, code or an expired
 * code get the same answer. Writes a throttle record, and an audit row on success.
 */
export async function resetForgottenPasswordThrottled(
	input: { identifier: string; code: string; newPassword: string },
	now = new Date()
): Promise<{ ok: true } | Refusal> {
	const identifier = checkIdentifier(input.identifier);
	const accountKey = identifier.ok ? identifier.identifier : input.identifier.slice(0, 254);
	const reservation = await reserve('passwordReset', accountKey, now);
	if (!reservation.ok)
		return { ok: false, status: 429, message: m.error_throttled({ seconds: reservation.retryAfter }) };
	const db = getDb();
	const account = identifier.ok ? await findUserCredentials(db, identifier.identifier) : null;
	// A disabled account's code waits (unused) until the account is enabled again: the same answer as a wrong code.
	const reset =
		account !== null &&
		account.disabledAt === null &&
		(await resetPasswordWithCode(
			db,
			{
				userId: account.id,
				codeHash: hashOneTimeCode(account.id, input.code),
				passwordHash: await hashPassword(input.newPassword)
			},
			now
		));
	if (!reset) {
		logSecurityEvent('password_reset_failed', account ? { userId: account.id } : {});
		return { ok: false, status: 400, errors: { code: m.password_reset_wrong_code() } };
	}
	await recordAudit(db, [{ actor: account, action: 'password_reset_used', studentId: account.id }], now);
	await Promise.all([clear('passwordReset', accountKey), clear('loginAccount', accountKey)]);
	logSecurityEvent('password_reset_used', { userId: account.id });
	return { ok: true };
}
