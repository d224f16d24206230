import type { z } from 'zod';
import { formatDate } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { checkIdentifier } from '../auth/identifier';
import { hashPassword, verifyAgainstNobody, verifyPassword } from '../auth/password';
import {
	createSession,
	invalidateOtherSessions,
	invalidateSession,
	isStaff,
	type Session
} from '../auth/session';
import { clear, release, reserve } from '../auth/throttle';
import { getDb } from '../db';
import { listAuditAboutStudent } from '../db/repositories/audit';
import { listStudentCohorts } from '../db/repositories/cohorts';
import { deleteUserSession, listUserSessions } from '../db/repositories/sessions';
import { listSharedNotesAboutStudent } from '../db/repositories/notes';
import {
	createUser,
	deleteUser,
	exportUserData,
	findUserCredentials,
	updatePasswordHash,
	type User
} from '../db/repositories/users';
import type { FieldErrors } from '../forms';
import { generateId } from '../ids';
import { listAccountResults } from '../results/results';
import { mayBeUnder15, type signupForm } from './forms';
import { logSecurityEvent } from '../security-log';
import { recoveryCodesLeft } from './second-factor';

export type AuthSuccess = {
	ok: true;
	user: Pick<User, 'id' | 'role' | 'totpEnabledAt'>;
	token: string;
	session: Session;
};
/** A refusal a page shows as it shows a form's: a status, field messages, or one for the whole form. */
export type Refusal = {
	ok: false;
	status: 400 | 403 | 404 | 409 | 429;
	errors?: FieldErrors;
	message?: string;
};

const throttled = (seconds: number): Refusal => ({
	ok: false,
	status: 429,
	message: m.error_throttled({ seconds })
});

/**
 * Creates a student account from a checked sign-up form, signs it in, and gives it this browser's
 * anonymous results. Sign-ups are counted per address (a class shares one), so it writes throttle records.
 */
export async function signUpThrottled(
	input: z.output<typeof signupForm.schema>,
	context: { ip: string; device?: string; now?: Date }
): Promise<AuthSuccess | Refusal> {
	const now = context.now ?? new Date();
	if (!input.identifier.ok || input.birthYear === null) throw new Error('signUp needs a checked form');
	const reservation = await reserve('signupAddress', context.ip, now);
	if (!reservation.ok) return throttled(reservation.retryAfter);

	const db = getDb();
	const id = generateId();
	const passwordHash = await hashPassword(input.password);
	const created = await createUser(db, {
		id,
		identifier: input.identifier.identifier,
		passwordHash,
		birthYear: input.birthYear,
		parentalConsentName: mayBeUnder15(input.birthYear, now) ? input.parentName : null,
		now
	});
	// Saying that an identifier is taken reveals that it exists; for a sign-up form there is no way around
	// it, so the log-in form (where it matters) never says it, and sign-ups are throttled per address.
	if (!created) return { ok: false, status: 409, errors: { identifier: m.error_identifier_taken() } };

	const user = { id, role: 'student' as const, totpEnabledAt: null };
	return {
		ok: true,
		user,
		...(await createSession(db, user, { now: now.getTime(), device: context.device }))
	};
}

/**
 * One answer for every failure (unknown identifier or wrong password), in about the same time, so that the
 * form does not tell whether an account exists. Failures are counted per account and per address.
 */
export async function logInThrottled(
	input: { identifier: string; password: string },
	context: { ip: string; device?: string; now?: Date }
): Promise<AuthSuccess | Refusal> {
	const now = context.now ?? new Date();
	const identifier = checkIdentifier(input.identifier);
	// An identifier that is no identifier still counts, under its own spelling: guessing costs the same.
	const accountKey = identifier.ok ? identifier.identifier : input.identifier.slice(0, 254);
	// Both attempts are counted before the password is verified, and given back on success.
	const address = await reserve('loginAddress', context.ip, now);
	if (!address.ok) return throttled(address.retryAfter);
	const account = await reserve('loginAccount', accountKey, now);
	if (!account.ok) {
		await release('loginAddress', context.ip);
		return throttled(account.retryAfter);
	}

	const db = getDb();
	const found = identifier.ok ? await findUserCredentials(db, identifier.identifier) : null;
	const valid = found
		? await verifyPassword(found.passwordHash, input.password)
		: await verifyAgainstNobody(input.password);
	if (!found || !valid) {
		logSecurityEvent('login_failed', found ? { userId: found.id } : {});
		return { ok: false, status: 400, message: m.login_error() };
	}
	if (found.disabledAt !== null) {
		// Said only to whoever knows the password: to anyone else, the account looks like any other.
		logSecurityEvent('login_refused_disabled', { userId: found.id });
		return { ok: false, status: 403, message: m.login_disabled() };
	}
	logSecurityEvent('login_succeeded', { userId: found.id });
	await Promise.all([clear('loginAccount', accountKey), release('loginAddress', context.ip)]);
	return {
		ok: true,
		user: found,
		...(await createSession(db, found, { now: now.getTime(), device: context.device }))
	};
}

export async function logOut(session: Session | null): Promise<void> {
	if (session) await invalidateSession(getDb(), session.id);
}

/**
 * The current password, asked again before what cannot be undone. Counted like a log-in (a stolen session
 * must not be a way to guess the password): the attempt is reserved first, and cleared when it is right.
 */
async function passwordMatchesThrottled(user: User, password: string): Promise<true | Refusal> {
	const reservation = await reserve('reauth', user.id);
	if (!reservation.ok) return throttled(reservation.retryAfter);
	const credentials = await findUserCredentials(getDb(), user.identifier);
	if (credentials === null || !(await verifyPassword(credentials.passwordHash, password))) {
		logSecurityEvent('reauthentication_failed', { userId: user.id });
		return { ok: false, status: 400, errors: {}, message: undefined };
	}
	await clear('reauth', user.id);
	return true;
}

/** A new password, given the current one; whoever knew the old one is signed out everywhere else. */
export async function changePasswordThrottled(
	user: User,
	session: Session,
	input: { currentPassword: string; newPassword: string }
): Promise<{ ok: true } | Refusal> {
	const check = await passwordMatchesThrottled(user, input.currentPassword);
	if (check !== true)
		return check.status === 429
			? check
			: { ok: false, status: 400, errors: { currentPassword: m.password_wrong_current() } };
	const db = getDb();
	await updatePasswordHash(db, user.id, await hashPassword(input.newPassword));
	await invalidateOtherSessions(db, user.id, session.id);
	logSecurityEvent('password_changed', { userId: user.id });
	return { ok: true };
}

/** Deletes the account and everything about the person, given their password. */
export async function deleteAccountThrottled(user: User, password: string): Promise<{ ok: true } | Refusal> {
	const check = await passwordMatchesThrottled(user, password);
	if (check !== true)
		return check.status === 429
			? check
			: { ok: false, status: 400, errors: { password: m.password_wrong_current() } };
	await deleteUser(getDb(), user.id);
	logSecurityEvent('account_deleted', { userId: user.id });
	return { ok: true };
}

/** Everything Boussole holds about the person (RGPD access and portability); null if the account is gone. */
export async function exportMyData(user: User) {
	const data = await exportUserData(getDb(), user.id);
	return data && { exportedAt: new Date().toISOString(), ...data };
}

/** « Mon espace »: results, cohorts, notes shared with the person, who read their data, their sessions. */
export async function accountOverview(user: User, currentSession: Session) {
	const db = getDb();
	const [results, cohorts, sharedNotes, views, sessions, recoveryCodes] = await Promise.all([
		listAccountResults(user.id),
		listStudentCohorts(db, user.id),
		listSharedNotesAboutStudent(db, user.id),
		listAuditAboutStudent(db, user.id),
		listUserSessions(db, user.id),
		user.totpEnabledAt ? recoveryCodesLeft(user) : 0
	]);
	return {
		identifier: user.identifier,
		student: user.role === 'student',
		secondFactor: { on: user.totpEnabledAt !== null, required: isStaff(user), recoveryCodes },
		sessions: sessions.map((session) => ({
			id: session.id,
			device: session.device || '?',
			current: session.id === currentSession.id,
			created: formatDate(session.createdAt),
			lastUsed: formatDate(session.lastUsedAt ?? session.createdAt)
		})),
		results: results.map((result) => ({ ...result, date: formatDate(result.createdAt) })),
		cohorts: cohorts.map((cohort) => ({
			id: cohort.id,
			name: cohort.name,
			groupLabel: cohort.groupLabel,
			counsellor: cohort.counsellor,
			archived: cohort.archivedAt !== null,
			joined: formatDate(cohort.joinedAt, { dateStyle: 'long' })
		})),
		sharedNotes: sharedNotes.map((note) => ({
			body: note.body,
			author: note.author,
			date: formatDate(note.updatedAt)
		})),
		views: {
			count: views.length,
			last: views[0] ? formatDate(views[0].at) : null,
			recent: views.slice(0, 10).map((v) => ({ ...v, at: formatDate(v.at) }))
		}
	};
}

/** Ends one of the person's sessions (another device, or this one); false when it is not theirs. */
export async function endMySession(user: User, sessionId: string): Promise<boolean> {
	const ended = await deleteUserSession(getDb(), user.id, sessionId);
	if (ended) logSecurityEvent('sessions_ended', { userId: user.id });
	return ended;
}

/** « Fermer toutes mes sessions, partout »: every session of the person ends, this one too. */
export async function endAllMySessions(user: User): Promise<void> {
	await invalidateOtherSessions(getDb(), user.id);
	logSecurityEvent('sessions_ended', { userId: user.id });
}
